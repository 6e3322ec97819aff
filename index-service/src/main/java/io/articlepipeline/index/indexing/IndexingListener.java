package io.articlepipeline.index.indexing;

import java.time.Duration;

/**
 * What {@link ArticleBatchIndexer} reports about its work, for metrics. Plain Java, so a test can
 * record what is reported; {@link #NONE} ignores it all (the rebuild uses that: its bulks and
 * latencies are a replay, not the stage's).
 */
public interface IndexingListener {

  /** Reports nothing. */
  IndexingListener NONE = new IndexingListener() {
  };

  /**
   * One bulk request, successful or not.
   *
   * @param items the number of actions it carried
   * @param took  from sending it to its answer (or failure)
   */
  default void bulkSent(int items, Duration took) {
  }

  /**
   * An article written by a bulk request: {@code sinceSubmission} is the time that bulk succeeded
   * minus the article's {@code submittedAt}, the pipeline's end-to-end latency.
   */
  default void articleWritten(Duration sinceSubmission) {
  }
}
