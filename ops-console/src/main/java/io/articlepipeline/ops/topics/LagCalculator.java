package io.articlepipeline.ops.topics;

import io.articlepipeline.ops.topics.ClusterOffsets.GroupOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.PartitionOffsets;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.LagBasis;
import io.articlepipeline.ops.topics.TopicsView.PartitionLag;
import io.articlepipeline.ops.topics.TopicsView.PartitionView;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a {@link ClusterOffsets} into the topics view: lag = end offset − committed offset per
 * partition, and the total per group. No I/O.
 */
public final class LagCalculator {

  /** State reported for an expected group Kafka does not know (it never committed). */
  public static final String NOT_FOUND = "NOT_FOUND";

  private final List<String> topics;
  private final Map<String, String> expectedGroups;

  /**
   * @param topics the watched topics, in the order to report them
   * @param expectedGroups group id to the topic it reads; reported even before it exists
   */
  public LagCalculator(List<String> topics, Map<String, String> expectedGroups) {
    this.topics = List.copyOf(topics);
    this.expectedGroups = new LinkedHashMap<>(expectedGroups);
  }

  /** The view of every watched topic; {@code rates} gives messages per second by topic. */
  public TopicsView view(ClusterOffsets offsets, Function<String, Double> rates) {
    List<TopicView> views = new ArrayList<>();
    for (String topic : topics) {
      views.add(topicView(topic, offsets, rates.apply(topic)));
    }
    return new TopicsView(offsets.takenAt(), views);
  }

  TopicView topicView(String topic, ClusterOffsets offsets, Double rate) {
    List<PartitionOffsets> partitions = offsets.topics().get(topic);
    boolean exists = partitions != null;
    List<PartitionOffsets> sorted = exists
        ? partitions.stream().sorted(Comparator.comparingInt(PartitionOffsets::partition)).toList()
        : List.of();
    List<PartitionView> partitionViews = sorted.stream()
        .map(p -> new PartitionView(p.partition(), p.startOffset(), p.endOffset()))
        .toList();
    long end = sorted.stream().mapToLong(PartitionOffsets::endOffset).sum();
    long retained = sorted.stream().mapToLong(p -> p.endOffset() - p.startOffset()).sum();
    return new TopicView(topic, exists, partitionViews, end, retained, rate,
        groupLags(topic, sorted, offsets));
  }

  private List<GroupLag> groupLags(String topic, List<PartitionOffsets> partitions,
      ClusterOffsets offsets) {
    Map<String, GroupOffsets> readers = new LinkedHashMap<>();
    expectedGroups.forEach((group, expectedTopic) -> {
      if (expectedTopic.equals(topic)) {
        readers.put(group, offsets.group(group)
            .orElse(new GroupOffsets(group, NOT_FOUND, 0, Map.of(), Set.of())));
      }
    });
    offsets.groups().stream()
        .filter(g -> g.reads(topic))
        .sorted(Comparator.comparing(GroupOffsets::groupId))
        .forEach(g -> readers.putIfAbsent(g.groupId(), g));
    return readers.values().stream().map(g -> groupLag(g, topic, partitions)).toList();
  }

  /** The lag of one group on one topic's partitions. */
  public static GroupLag groupLag(GroupOffsets group, String topic,
      List<PartitionOffsets> partitions) {
    Map<Integer, Long> committed = group.committed().getOrDefault(topic, Map.of());
    List<PartitionLag> lags = partitions.stream()
        .map(p -> partitionLag(p, committed.get(p.partition())))
        .toList();
    long total = lags.stream().mapToLong(PartitionLag::lag).sum();
    return new GroupLag(group.groupId(), group.state(), group.members(), total, lags);
  }

  /** The lag on one partition given the group's committed offset there, or null for none. */
  public static PartitionLag partitionLag(PartitionOffsets p, Long committed) {
    if (committed == null) {
      return new PartitionLag(p.partition(), p.endOffset(), null,
          p.endOffset() - p.startOffset(), LagBasis.NO_COMMITTED_OFFSET);
    }
    if (committed < p.startOffset()) {
      return new PartitionLag(p.partition(), p.endOffset(), committed,
          p.endOffset() - p.startOffset(), LagBasis.COMMITTED_BEFORE_LOG_START);
    }
    // A commit past the end (log truncated after an unclean election) is not negative lag.
    return new PartitionLag(p.partition(), p.endOffset(), committed,
        Math.max(0, p.endOffset() - committed), LagBasis.COMMITTED);
  }
}
