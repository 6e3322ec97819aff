package io.articlepipeline.enrich.app;

import java.time.Duration;

/**
 * Whether the live stage is behind: its last batch was large (a poll that came back with many
 * records means more are waiting), and recent. A reprocess waits while it is, so that new articles
 * catch up first (after a restart, a burst of submissions). A live stage that stopped reading
 * (stopped, or failing a batch again and again) is not behind once its last batch is older than
 * {@code stale}. Plain Java, thread-safe.
 */
public final class LiveBacklog {

  /** A live batch of at least this many records says more are waiting (a steady stream arrives in a few dozen). */
  public static final int BEHIND_AT = 100;

  private final long staleNanos;
  private volatile int lastBatch;
  private volatile long lastAt;

  public LiveBacklog(Duration stale) {
    this.staleNanos = stale.toNanos();
  }

  /** The live stage read a batch of this many records. */
  public void read(int records) {
    lastAt = System.nanoTime();
    lastBatch = records;
  }

  public boolean behind() {
    return lastBatch >= BEHIND_AT && System.nanoTime() - lastAt < staleNanos;
  }
}
