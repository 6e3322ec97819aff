package io.articlepipeline.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

  private final List<Duration> waits = new ArrayList<>();
  private final Retry retry = new Retry(4, Duration.ofMillis(100), Duration.ofMillis(250), waits::add);

  @Test
  void returnsOnceTheCallSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    String result = retry.call(() -> {
      if (calls.incrementAndGet() < 3) {
        throw new IOException("down");
      }
      return "up";
    }, e -> true);

    assertThat(result).isEqualTo("up");
    assertThat(calls).hasValue(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void rethrowsTheLastFailureWhenAttemptsRunOut() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.call(() -> {
      throw new IOException("down " + calls.incrementAndGet());
    }, e -> true)).hasMessage("down 4");
    assertThat(waits).hasSize(3);
  }

  @Test
  void doesNotRetryWhatIsNotRetriable() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.call(() -> {
      calls.incrementAndGet();
      throw new IllegalArgumentException("bad input");
    }, e -> e instanceof IOException)).isInstanceOf(IllegalArgumentException.class);
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void backoffNeverExceedsTheCap() {
    for (int attempt = 1; attempt < 40; attempt++) {
      assertThat(retry.backoff(attempt)).isBetween(Duration.ZERO, Duration.ofMillis(250));
    }
  }
}
