package io.articlepipeline.ingest.submit;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Revisions for submissions that carry none: the submission time in epoch milliseconds, strictly
 * increasing within this process, so a later submission of an article always wins in the index.
 */
public final class RevisionClock {

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  public RevisionClock(Clock clock) {
    this.clock = clock;
  }

  public long next() {
    long now = clock.millis();
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }
}
