package io.articlepipeline.ops.topics;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ops/topics}: every watched topic with its partitions and the lag
 * of each consumer group reading it.
 *
 * @param takenAt when the offsets were read from Kafka
 * @param topics one entry per watched topic, in pipeline order
 */
public record TopicsView(Instant takenAt, List<TopicView> topics) {

  /**
   * One topic.
   *
   * @param topic topic name
   * @param exists false when the topic has not been created yet (nothing written to it)
   * @param partitions partitions with their log bounds
   * @param endOffsetTotal sum of the end offsets: records ever written
   * @param retainedRecords sum of end minus start offsets: records still in the log
   * @param messagesPerSecond records written per second over the sampling window, null until two
   *     samples exist
   * @param groups consumer groups reading this topic, with their lag
   */
  public record TopicView(String topic, boolean exists, List<PartitionView> partitions,
      long endOffsetTotal, long retainedRecords, Double messagesPerSecond, List<GroupLag> groups) {
  }

  /**
   * One partition's log bounds.
   *
   * @param partition partition number
   * @param startOffset first offset still in the log
   * @param endOffset offset the next record will get
   */
  public record PartitionView(int partition, long startOffset, long endOffset) {
  }

  /**
   * A consumer group's lag on one topic.
   *
   * @param group group id
   * @param state group state (STABLE, EMPTY, PREPARING_REBALANCE, ..., NOT_FOUND)
   * @param members active members
   * @param totalLag sum of the partitions' lag
   * @param partitions lag per partition
   */
  public record GroupLag(String group, String state, int members, long totalLag,
      List<PartitionLag> partitions) {
  }

  /**
   * A consumer group's lag on one partition.
   *
   * @param partition partition number
   * @param endOffset the partition's end offset
   * @param committedOffset the group's committed offset, null when it has none
   * @param lag records the group has still to read
   * @param basis how the lag was computed, see {@link LagBasis}
   */
  public record PartitionLag(int partition, long endOffset, Long committedOffset, long lag,
      LagBasis basis) {
  }

  /** How a lag was computed. */
  public enum LagBasis {
    /** end offset minus committed offset. */
    COMMITTED,
    /** The group has no committed offset here: end minus start offset (all retained records). */
    NO_COMMITTED_OFFSET,
    /** The committed offset is below the log start (records expired): end minus start offset. */
    COMMITTED_BEFORE_LOG_START
  }
}
