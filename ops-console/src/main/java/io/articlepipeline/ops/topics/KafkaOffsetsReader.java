package io.articlepipeline.ops.topics;

import io.articlepipeline.ops.topics.ClusterOffsets.GroupOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.PartitionOffsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads topic offsets and consumer groups through the Kafka Admin API. Every call is bounded by
 * the timeout; a broker that does not answer in time is a {@link KafkaUnavailableException}.
 */
public class KafkaOffsetsReader {

  private final Admin admin;
  private final Duration timeout;
  private final Clock clock;

  public KafkaOffsetsReader(Admin admin, Duration timeout, Clock clock) {
    this.admin = admin;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Offsets of the given topics, and every consumer group reading them or named in {@code groups}. */
  public ClusterOffsets read(Collection<String> topics, Collection<String> groups) {
    Map<String, List<PartitionOffsets>> topicOffsets = topicOffsets(topics);
    Set<String> groupIds = new TreeSet<>(groups);
    groupIds.addAll(consumerGroupIds());
    List<GroupOffsets> groupOffsets = groupOffsets(groupIds).stream()
        .filter(g -> groups.contains(g.groupId()) || topics.stream().anyMatch(g::reads))
        .toList();
    return new ClusterOffsets(clock.instant(), topicOffsets, groupOffsets);
  }

  /** End offsets only (for sampling throughput): topic to partition to end offset. */
  public Map<String, Map<Integer, Long>> endOffsets(Collection<String> topics) {
    Map<String, Map<Integer, Long>> ends = new LinkedHashMap<>();
    Map<String, List<Integer>> partitions = partitions(topics);
    Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
    partitions.keySet().forEach(t -> ends.put(t, new HashMap<>()));
    latest.forEach((tp, offset) -> ends.get(tp.topic()).put(tp.partition(), offset));
    return ends;
  }

  /**
   * How many records each topic held at {@code at}: per partition the first offset whose
   * timestamp is at or after that instant (its end offset when every record is older), summed.
   * Topics that do not exist are left out. Record timestamps are the producers' clocks, so this
   * is as exact as they are monotonic.
   */
  public Map<String, Long> endOffsetTotalsAt(Collection<String> topics, java.time.Instant at) {
    Map<String, List<Integer>> partitions = partitions(topics);
    Map<TopicPartition, Long> atTime = offsets(partitions, OffsetSpec.forTimestamp(at.toEpochMilli()));
    Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
    Map<String, Long> totals = new LinkedHashMap<>();
    partitions.forEach((topic, numbers) -> {
      long total = 0;
      for (int p : numbers) {
        TopicPartition tp = new TopicPartition(topic, p);
        long offset = atTime.getOrDefault(tp, -1L);
        total += offset >= 0 ? offset : latest.getOrDefault(tp, 0L);
      }
      totals.put(topic, total);
    });
    return totals;
  }

  /** Topic name to its partition numbers; topics that do not exist are left out. */
  public Map<String, List<Integer>> partitions(Collection<String> topics) {
    Map<String, KafkaFuture<TopicDescription>> futures =
        admin.describeTopics(topics).topicNameValues();
    Map<String, List<Integer>> result = new LinkedHashMap<>();
    for (String topic : topics) {
      try {
        TopicDescription description = get(futures.get(topic));
        result.put(topic, description.partitions().stream().map(p -> p.partition()).toList());
      } catch (KafkaOperationException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    return result;
  }

  private Map<String, List<PartitionOffsets>> topicOffsets(Collection<String> topics) {
    Map<String, List<Integer>> partitions = partitions(topics);
    Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
    Map<String, List<PartitionOffsets>> result = new LinkedHashMap<>();
    partitions.forEach((topic, numbers) -> result.put(topic, numbers.stream()
        .map(p -> new TopicPartition(topic, p))
        .map(tp -> new PartitionOffsets(tp.partition(), earliest.getOrDefault(tp, 0L),
            latest.getOrDefault(tp, 0L)))
        .toList()));
    return result;
  }

  private Map<TopicPartition, Long> offsets(Map<String, List<Integer>> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach((topic, numbers) ->
        numbers.forEach(p -> request.put(new TopicPartition(topic, p), spec)));
    if (request.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, ListOffsetsResultInfo> answer = get(admin.listOffsets(request).all());
    Map<TopicPartition, Long> result = new HashMap<>();
    answer.forEach((tp, info) -> result.put(tp, info.offset()));
    return result;
  }

  private Set<String> consumerGroupIds() {
    Collection<GroupListing> listings =
        get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
    Set<String> ids = new HashSet<>();
    listings.forEach(l -> ids.add(l.groupId()));
    return ids;
  }

  /** State, members and committed offsets of the given groups; unknown groups are left out. */
  public List<GroupOffsets> groupOffsets(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions =
        admin.describeConsumerGroups(groupIds).describedGroups();
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groupIds.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    var committedResult = admin.listConsumerGroupOffsets(specs);
    List<GroupOffsets> result = new ArrayList<>();
    for (String groupId : groupIds) {
      ConsumerGroupDescription description;
      Map<TopicPartition, OffsetAndMetadata> committed;
      try {
        description = get(descriptions.get(groupId));
        committed = get(committedResult.partitionsToOffsetAndMetadata(groupId));
      } catch (KafkaOperationException e) {
        if (e.getCause() instanceof GroupIdNotFoundException) {
          continue;
        }
        throw e;
      }
      result.add(toGroupOffsets(description, committed));
    }
    return result;
  }

  private static GroupOffsets toGroupOffsets(ConsumerGroupDescription description,
      Map<TopicPartition, OffsetAndMetadata> committed) {
    Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
    committed.forEach((tp, om) -> {
      if (om != null) {
        byTopic.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp.partition(), om.offset());
      }
    });
    Set<String> assigned = new HashSet<>();
    for (MemberDescription member : description.members()) {
      member.assignment().topicPartitions().forEach(tp -> assigned.add(tp.topic()));
    }
    String state = description.groupState() == null ? "UNKNOWN" : description.groupState().name();
    return new GroupOffsets(description.groupId(), state, description.members().size(), byTopic,
        assigned);
  }

  private <T> T get(KafkaFuture<T> future) {
    return await(future, timeout);
  }

  /**
   * The future's value, Kafka's failures translated as the console answers them: no answer within
   * {@code timeout} (or a broker timeout, or an interrupt) is a {@link KafkaUnavailableException},
   * any other failure a {@link KafkaOperationException} carrying Kafka's exception as its cause.
   */
  public static <T> T await(KafkaFuture<T> future, Duration timeout) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("Interrupted while waiting for Kafka", e);
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException("Kafka did not answer within " + timeout
          + " (pipeline.ops.kafka.timeout; brokers: KAFKA_BOOTSTRAP_SERVERS)", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new KafkaUnavailableException("Kafka did not answer in time ("
            + "brokers: KAFKA_BOOTSTRAP_SERVERS): " + e.getCause().getMessage(), e.getCause());
      }
      throw new KafkaOperationException(e.getCause());
    }
  }

  /** Kafka did not answer in time. */
  public static class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Kafka answered with an error; the cause is Kafka's exception. */
  public static class KafkaOperationException extends RuntimeException {
    public KafkaOperationException(Throwable cause) {
      super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
  }
}
