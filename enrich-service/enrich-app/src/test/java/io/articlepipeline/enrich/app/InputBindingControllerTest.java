package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.Binding;

/** How the bindings of one name make one state. */
class InputBindingControllerTest {

  private static Binding<?> binding(boolean running, boolean paused) {
    return new Binding<Object>() {
      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public boolean isPaused() {
        return paused;
      }

      @Override
      public void unbind() {
      }
    };
  }

  @Test
  void runningPausedOrStopped() {
    assertThat(InputBindingController.stateOf(List.of(binding(true, false)))).isEqualTo("running");
    assertThat(InputBindingController.stateOf(List.of(binding(true, true)))).isEqualTo("paused");
    assertThat(InputBindingController.stateOf(List.of(binding(false, false)))).isEqualTo("stopped");
    assertThat(InputBindingController.stateOf(List.of(binding(true, false), binding(false, false))))
        .isEqualTo("stopped");
  }

  @Test
  void noBindingIsAnError() {
    assertThatThrownBy(() -> InputBindingController.stateOf(List.of()))
        .isInstanceOf(InputBindingController.NoSuchBindingException.class)
        .hasMessageContaining("enrichArticles-in-0");
  }
}
