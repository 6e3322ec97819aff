package io.articlepipeline.index.reindex;

import java.time.Instant;

/**
 * Where a rebuild stands. Phases: IDLE, CREATING, REPLAYING, CATCHING_UP, SWITCHING_WRITES,
 * SWITCHING_READS, DONE, FAILED. {@code livePausedMillis}: how long the live stage was held while
 * the writes moved (new articles waited that long).
 */
public record ReindexStatus(String phase, String fromIndex, String toIndex, long recordsRead, long indexed,
                            long deleted, long stale, long skippedBadRecords, long documents, long livePausedMillis,
                            Instant startedAt, Instant finishedAt, String error) {

  public static ReindexStatus idle() {
    return new ReindexStatus("IDLE", null, null, 0, 0, 0, 0, 0, 0, 0, null, null, null);
  }

  public boolean running() {
    return !phase.equals("IDLE") && !phase.equals("DONE") && !phase.equals("FAILED");
  }
}
