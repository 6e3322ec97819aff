package io.articlepipeline.ops.deadletters;

import java.util.List;

/**
 * Body of {@code POST /api/ops/dead-letters/{topic}/replay}: either {@code "all": true} or a list
 * of records.
 *
 * @param all replay every dead letter in the topic
 * @param records the dead letters to replay, by partition and offset
 */
public record ReplayRequest(Boolean all, List<RecordRef> records) {

  /**
   * A dead letter by position.
   *
   * @param partition partition in the dead-letter topic
   * @param offset offset in the dead-letter topic
   */
  public record RecordRef(Integer partition, Long offset) {
  }

  /** Whether every dead letter is asked for. */
  public boolean replayAll() {
    return Boolean.TRUE.equals(all);
  }
}
