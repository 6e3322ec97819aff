package io.articlepipeline.enrich.app;

import io.articlepipeline.web.Problem;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stage's Kafka input ({@code enrichArticles-in-0}) for operators (ops token, as every path
 * of this service but health): {@code GET /api/enrich/binding} its state,
 * {@code POST /api/enrich/binding/stop} stops it (its consumers leave the group {@code enrich}; a
 * batch in progress is finished and committed first), {@code POST /api/enrich/binding/start}
 * starts it again (an operator pausing the stage; a reprocess runs beside it, never stops it). A restarted
 * service starts its binding whatever state it had before.
 */
@RestController
public class InputBindingController {

  /** The binding this controls. */
  public static final String BINDING = "enrichArticles-in-0";

  private final BindingsLifecycleController bindings;

  public InputBindingController(BindingsLifecycleController bindings) {
    this.bindings = bindings;
  }

  /**
   * The binding's state.
   *
   * @param binding the binding's name
   * @param state {@code running}, {@code paused} or {@code stopped}
   */
  public record BindingState(String binding, String state) {
  }

  @GetMapping("/api/enrich/binding")
  public BindingState state() {
    return new BindingState(BINDING, stateOf(bindings.queryState(BINDING)));
  }

  @PostMapping("/api/enrich/binding/stop")
  public BindingState stop() {
    bindings.changeState(BINDING, State.STOPPED);
    return state();
  }

  @PostMapping("/api/enrich/binding/start")
  public BindingState start() {
    bindings.changeState(BINDING, State.STARTED);
    return state();
  }

  /**
   * {@code running} when every binding of that name runs and none is paused, {@code paused} when
   * one runs paused, else {@code stopped}.
   *
   * @throws NoSuchBindingException when there is no binding of that name
   */
  static String stateOf(List<Binding<?>> found) {
    if (found == null || found.isEmpty()) {
      throw new NoSuchBindingException();
    }
    if (found.stream().anyMatch(b -> !b.isRunning())) {
      return "stopped";
    }
    return found.stream().anyMatch(Binding::isPaused) ? "paused" : "running";
  }

  @ExceptionHandler(NoSuchBindingException.class)
  ResponseEntity<Map<String, Object>> noBinding(NoSuchBindingException e) {
    return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(),
        List.of("the binding is created at start-up; see the service's log")).toResponseEntity();
  }

  /** The binding does not exist (yet). */
  static class NoSuchBindingException extends RuntimeException {
    NoSuchBindingException() {
      super("Binding " + BINDING + " does not exist");
    }
  }
}
