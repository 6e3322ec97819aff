package io.articlepipeline.ops.groups;

import io.articlepipeline.ops.throughput.SampleHistory.TrendPoint;
import io.articlepipeline.ops.topics.TopicsView.PartitionLag;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ops/groups}: each consumer group with its state, lag and trend.
 *
 * @param takenAt when the offsets were read
 * @param groups one entry per consumer group reading a watched topic
 */
public record GroupsView(Instant takenAt, List<Group> groups) {

  /**
   * One consumer group.
   *
   * @param group group id
   * @param state state now (STABLE, EMPTY, ..., NOT_FOUND)
   * @param members active members
   * @param totalLag lag summed over its topics
   * @param topics lag per topic and partition
   * @param trend sampled total lag, oldest first (last {@code pipeline.ops.sampling.trend-window})
   */
  public record Group(String group, String state, int members, long totalLag,
      List<TopicLag> topics, List<TrendPoint> trend) {
  }

  /**
   * A group's lag on one topic.
   *
   * @param topic topic name
   * @param totalLag lag on the topic
   * @param partitions lag per partition
   */
  public record TopicLag(String topic, long totalLag, List<PartitionLag> partitions) {
  }
}
