package io.articlepipeline.ops.reprocess;

import io.articlepipeline.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a consumer group's committed offsets on a topic back to the log start.
 *
 * <p>Kafka moves a group's offsets only while the group has no active members
 * ({@code alterConsumerGroupOffsets} fails with UNKNOWN_MEMBER_ID otherwise). So by default a
 * group with members is refused: the ops console's reprocess stops the stage's input binding and
 * waits until the group is empty first ({@link ReprocessService}). With {@code force}, the
 * members are removed from the group and the offsets are moved in the moment before they rejoin;
 * they then rejoin, fetch the moved offsets and read from the start. Their in-flight commits are
 * fenced by the removal, so they cannot overwrite the rewind.
 */
public class GroupRewinder {

  private static final Logger log = LoggerFactory.getLogger(GroupRewinder.class);

  private final Admin admin;
  private final Duration timeout;
  private final Clock clock;
  private final Retry retry;

  public GroupRewinder(Admin admin, Duration timeout, Clock clock, Retry retry) {
    this.admin = admin;
    this.timeout = timeout;
    this.clock = clock;
    this.retry = retry;
  }

  /**
   * Rewinds the group on the topic.
   *
   * @throws GroupActiveException when the group has members and {@code force} is false
   * @throws NothingToRewindException when the topic does not exist
   */
  public Rewind rewind(String group, String topic, boolean force) throws Exception {
    List<TopicPartition> partitions = partitions(topic);
    List<MemberDescription> members = members(group);
    if (!members.isEmpty() && !force) {
      throw new GroupActiveException(group, members);
    }
    Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
    start.forEach((tp, offset) -> target.put(tp, new OffsetAndMetadata(offset, "ops-console reprocess")));
    List<String> removed = members.stream().map(MemberDescription::consumerId).toList();
    retry.call(() -> {
      if (force && !members(group).isEmpty()) {
        get(admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all());
      }
      return get(admin.alterConsumerGroupOffsets(group, target).all());
    }, e -> force && memberRace(e));
    log.info("Rewound consumer group={} topic={} to the log start (forced={}, removed members={})",
        group, topic, force, removed.size());
    Map<Integer, Long> startByPartition = new HashMap<>();
    Map<Integer, Long> endByPartition = new HashMap<>();
    start.forEach((tp, o) -> startByPartition.put(tp.partition(), o));
    end.forEach((tp, o) -> endByPartition.put(tp.partition(), o));
    return new Rewind(group, topic, clock.instant(), removed, startByPartition, endByPartition);
  }

  /** A member rejoined between removal and the offset change, or a rebalance was under way. */
  private static boolean memberRace(Exception e) {
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    return cause instanceof UnknownMemberIdException || cause instanceof GroupNotEmptyException
        || cause instanceof RebalanceInProgressException;
  }

  /** The topic's partitions; throws NothingToRewindException when it does not exist. */
  List<TopicPartition> partitions(String topic) throws Exception {
    try {
      return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions()
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
        throw new NothingToRewindException(topic);
      }
      throw e;
    }
  }

  List<MemberDescription> members(String group) throws Exception {
    try {
      ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
      return List.copyOf(d.members());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw e;
    }
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, Long> result = new HashMap<>();
    get(admin.listOffsets(request).all()).forEach((tp, info) -> result.put(tp, info.offset()));
    return result;
  }

  private <T> T get(KafkaFuture<T> future) throws Exception {
    return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
