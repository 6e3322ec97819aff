package io.articlepipeline.index.reindex;

import io.articlepipeline.web.Problem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/reindex} starts a rebuild (202, or 409 if one runs; {@code ?wait=true}
 * answers when it is done: 200 or 500 with the status); {@code GET /api/admin/reindex} reports it.
 * Both need the ops token: service-support's filter checks it ({@code pipeline.auth.roles.ops}).
 */
@RestController
public class ReindexController {

  private static final Logger log = LoggerFactory.getLogger(ReindexController.class);
  private static final Duration MAX_WAIT = Duration.ofMinutes(30);

  private final Reindexer reindexer;

  public ReindexController(Reindexer reindexer) {
    this.reindexer = reindexer;
  }

  @PostMapping("/api/admin/reindex")
  public ResponseEntity<?> start(@RequestParam(defaultValue = "false") boolean wait) throws InterruptedException {
    if (!reindexer.claim()) {
      ReindexStatus running = reindexer.status();
      // the rebuild's state as the extension member "reindex" ("status" is the problem's HTTP status)
      return Problem.of(HttpStatus.CONFLICT, "a rebuild is already running", List.of("phase: " + running.phase()))
          .with("reindex", running).toResponseEntity();
    }
    CompletableFuture<ReindexStatus> run = CompletableFuture.supplyAsync(reindexer::run);
    run.whenComplete((s, e) -> {
      if (e != null) {
        log.error("Rebuild thread failed: {}", e.toString());
      }
    });
    if (!wait) {
      return ResponseEntity.accepted().body(reindexer.status());
    }
    try {
      ReindexStatus done = run.get(MAX_WAIT.toMinutes(), TimeUnit.MINUTES);
      if ("DONE".equals(done.phase())) {
        return ResponseEntity.ok(done);
      }
      return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The rebuild failed: " + done.error(),
              List.of("phase: " + done.phase()))
          .with("phase", done.phase()).with("reindex", done).toResponseEntity();
    } catch (ExecutionException | TimeoutException e) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(reindexer.status());
    }
  }

  @GetMapping("/api/admin/reindex")
  public ResponseEntity<?> status() {
    return ResponseEntity.ok(reindexer.status());
  }
}
