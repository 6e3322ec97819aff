package io.articlepipeline.support.kafka;

import java.time.Duration;
import java.util.Map;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How a batch stage's listener container treats a failed batch: delivered again, with growing
 * pauses, until it succeeds; never skipped, never committed. (Spring's default error handler gives
 * up after ten tries and commits: data loss.)
 */
public final class BatchRetry {

  private BatchRetry() {
  }

  /** Pauses from 1 s doubling up to {@code maxInterval}, for as long as it takes. */
  public static DefaultErrorHandler untilItSucceeds(Duration maxInterval) {
    ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
    backOff.setMaxInterval(maxInterval.toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return retryingEveryFailure(backOff, null);
  }

  /**
   * An error handler that retries every failure for as long as {@code backOff} allows. Spring's
   * default gives up at once, and commits, on some exception types anywhere in the cause chain
   * (a DeserializationException, a ClassCastException, a conversion error): an unreachable schema
   * registry, which shows as a DeserializationException, would silently skip the batch.
   * {@code recoverer} null: Spring's, which logs the records it gives up on.
   */
  public static DefaultErrorHandler retryingEveryFailure(BackOff backOff, ConsumerRecordRecoverer recoverer) {
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.setClassifications(Map.of(), true);
    return handler;
  }
}
