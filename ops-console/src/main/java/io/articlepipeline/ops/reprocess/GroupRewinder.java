package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaOperationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a consumer group's committed offsets on a topic back to the log start, or to the first
 * record written at or after a given time (Kafka's offsets for timestamps, as
 * {@code kafka-consumer-groups --reset-offsets --to-datetime} does), never forward: a partition
 * the group has not yet read that far keeps its offset.
 *
 * <p>Kafka moves a group's offsets only while the group has no active members
 * ({@code alterConsumerGroupOffsets} fails with UNKNOWN_MEMBER_ID otherwise). So by default a
 * group with members is refused: the ops console's reprocess stops the stage's input binding and
 * waits until the group is empty first ({@link ReprocessService}).
 */
public class GroupRewinder {

  private static final Logger log = LoggerFactory.getLogger(GroupRewinder.class);

  private final Admin admin;
  private final Duration timeout;
  private final Clock clock;
  private final KafkaOffsetsReader offsets;

  public GroupRewinder(Admin admin, Duration timeout, Clock clock) {
    this.admin = admin;
    this.timeout = timeout;
    this.clock = clock;
    this.offsets = new KafkaOffsetsReader(admin, timeout, clock);
  }

  /**
   * Rewinds the group on the topic to the log start ({@code since} null) or to the first record
   * whose timestamp is at or after {@code since} (the end, where there is none).
   *
   * @throws GroupActiveException when the group has members
   * @throws NothingToRewindException when the topic does not exist
   * @throws KafkaOffsetsReader.KafkaUnavailableException when Kafka does not answer in time
   * @throws KafkaOperationException when Kafka refuses a step
   */
  public Rewind rewind(String group, String topic, Instant since) {
    List<TopicPartition> partitions = partitions(topic);
    List<MemberDescription> members = members(group);
    if (!members.isEmpty()) {
      throw new GroupActiveException(group, members);
    }
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> from = since == null ? earliest
        : offsets(partitions, OffsetSpec.forTimestamp(since.toEpochMilli()));
    Map<TopicPartition, Long> start = targets(from, end, earliest, committed(group, topic));
    Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
    start.forEach((tp, offset) -> target.put(tp, new OffsetAndMetadata(offset, "ops-console reprocess")));
    get(admin.alterConsumerGroupOffsets(group, target).all());
    log.info("Rewound consumer group={} topic={} to {}: {}", group, topic,
        since == null ? "the log start" : "the first record at or after " + since, start);
    Map<Integer, Long> startByPartition = new HashMap<>();
    Map<Integer, Long> endByPartition = new HashMap<>();
    start.forEach((tp, o) -> startByPartition.put(tp.partition(), o));
    end.forEach((tp, o) -> endByPartition.put(tp.partition(), o));
    return new Rewind(group, topic, clock.instant(), since, startByPartition, endByPartition);
  }

  /**
   * Where each partition goes: {@code from} (-1 where no record is that recent: the end), but
   * never past the group's committed offset (the log start where it has none), so that no record
   * the group has not read is skipped.
   */
  static Map<TopicPartition, Long> targets(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end,
      Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> committed) {
    Map<TopicPartition, Long> out = new HashMap<>();
    from.forEach((tp, offset) -> {
      long target = offset < 0 ? end.getOrDefault(tp, 0L) : offset;
      long read = committed.getOrDefault(tp, earliest.getOrDefault(tp, 0L));
      out.put(tp, Math.min(target, read));
    });
    return out;
  }

  /** The group's committed offsets on the topic (none for a group that never committed). */
  private Map<TopicPartition, Long> committed(String group, String topic) {
    Map<TopicPartition, Long> out = new HashMap<>();
    offsets.groupOffsets(List.of(group)).forEach(g -> g.committed().getOrDefault(topic, Map.of())
        .forEach((partition, offset) -> out.put(new TopicPartition(topic, partition), offset)));
    return out;
  }

  /** The topic's partitions; throws NothingToRewindException when it does not exist. */
  List<TopicPartition> partitions(String topic) {
    try {
      return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions()
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    } catch (KafkaOperationException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
        throw new NothingToRewindException(topic);
      }
      throw e;
    }
  }

  List<MemberDescription> members(String group) {
    try {
      ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
      return List.copyOf(d.members());
    } catch (KafkaOperationException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw e;
    }
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, Long> result = new HashMap<>();
    get(admin.listOffsets(request).all()).forEach((tp, info) -> result.put(tp, info.offset()));
    return result;
  }

  private <T> T get(KafkaFuture<T> future) {
    return KafkaOffsetsReader.await(future, timeout);
  }

  /** The group has active members; Kafka will not move its offsets. */
  public static class GroupActiveException extends RuntimeException {
    private final List<String> members;

    public GroupActiveException(String group, List<MemberDescription> members) {
      super("Consumer group " + group + " has " + members.size() + " active member(s); Kafka moves"
          + " a group's offsets only while it has none");
      this.members = members.stream()
          .map(m -> m.clientId() + " on " + m.host() + " (" + m.consumerId() + ")").toList();
    }

    public List<String> members() {
      return members;
    }
  }

  /** The topic does not exist: there is nothing to reprocess. */
  public static class NothingToRewindException extends RuntimeException {
    public NothingToRewindException(String topic) {
      super("Topic " + topic + " does not exist yet: nothing to reprocess");
    }
  }
}
