package io.articlepipeline.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Calls with retries: exponential backoff with full jitter. Written once, used by every stage.
 * The sleeper is injectable so tests do not wait.
 */
public final class Retry {

  /** Sleeps between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** The thread's own sleep. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;

  public Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this(maxAttempts, initialBackoff, maxBackoff, Sleeper.THREAD);
  }

  /** Visible for testing: a custom sleeper. */
  public Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = Objects.requireNonNull(initialBackoff);
    this.maxBackoff = Objects.requireNonNull(maxBackoff);
    this.sleeper = Objects.requireNonNull(sleeper);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Calls {@code call} until it succeeds, it throws something {@code retriable} rejects, or the
   * attempts are used up; then rethrows the last failure.
   */
  public <T> T call(Callable<T> call, Predicate<Exception> retriable) throws Exception {
    Exception last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        return call.call();
      } catch (Exception e) {
        last = e;
        if (!retriable.test(e) || attempt == maxAttempts) {
          throw e;
        }
        sleeper.sleep(backoff(attempt));
      }
    }
    throw last;
  }

  /** Full jitter: a random wait between 0 and min(max, initial * 2^(attempt-1)). */
  Duration backoff(int attempt) {
    long cap = Math.min(maxBackoff.toMillis(),
        initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 30)));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
  }
}
