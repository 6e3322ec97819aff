package io.articlepipeline.ops.deadletters;

import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import io.articlepipeline.support.deadletter.DeadLetterReader;
import io.articlepipeline.support.deadletter.DeadLetterView;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads dead-letter topics with a group-less consumer (assign and seek): nothing is committed and
 * nothing is removed, so reading never changes what the topic holds.
 */
public class DeadLetterStore {

  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final Duration timeout;
  private final DeadLetterReader reader;

  /**
   * @param consumers makes a consumer without a group id; each read uses and closes one
   * @param reader reads a dead letter's headers into the view the snapshots list
   */
  public DeadLetterStore(Supplier<Consumer<byte[], byte[]>> consumers, Duration timeout, DeadLetterReader reader) {
    this.consumers = consumers;
    this.timeout = timeout;
    this.reader = reader;
  }

  /**
   * A dead-letter topic's bounds and its newest records.
   *
   * @param exists false when the topic has not been created (nothing ever failed)
   * @param retained dead letters still in the topic (end minus start offsets)
   * @param total dead letters ever written (sum of end offsets)
   * @param newest the newest dead letters, newest first
   */
  public record Snapshot(boolean exists, long retained, long total, List<DeadLetterView> newest) {
  }

  /** Bounds of the topic and up to {@code limit} of its newest records. */
  public Snapshot snapshot(String topic, int limit) {
    try (Consumer<byte[], byte[]> consumer = consumers.get()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      if (partitions.isEmpty()) {
        return new Snapshot(false, 0, 0, List.of());
      }
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long retained = 0;
      long total = 0;
      Map<TopicPartition, Long> from = new HashMap<>();
      for (TopicPartition tp : partitions) {
        retained += end.get(tp) - start.get(tp);
        total += end.get(tp);
        from.put(tp, Math.max(start.get(tp), end.get(tp) - limit));
      }
      List<ConsumerRecord<byte[], byte[]>> records = readRange(consumer, from, end, r -> true);
      records.sort((a, b) -> a.timestamp() != b.timestamp()
          ? Long.compare(b.timestamp(), a.timestamp())
          : Long.compare(b.offset(), a.offset()));
      return new Snapshot(true, retained, total,
          records.subList(0, Math.min(limit, records.size())).stream().map(reader::read).toList());
    }
  }

  /** The records at the given offsets; offsets no longer (or not yet) in the topic are absent. */
  public Map<TopicPartition, Map<Long, ConsumerRecord<byte[], byte[]>>> read(String topic,
      Map<Integer, Set<Long>> offsetsByPartition) {
    try (Consumer<byte[], byte[]> consumer = consumers.get()) {
      List<TopicPartition> partitions = partitions(consumer, topic).stream()
          .filter(tp -> offsetsByPartition.containsKey(tp.partition()))
          .toList();
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Map<TopicPartition, Long> from = new HashMap<>();
      Map<TopicPartition, Long> until = new HashMap<>();
      for (TopicPartition tp : partitions) {
        Set<Long> wanted = offsetsByPartition.get(tp.partition());
        long lo = Math.max(start.get(tp), wanted.stream().min(Long::compare).orElseThrow());
        long hi = Math.min(end.get(tp), wanted.stream().max(Long::compare).orElseThrow() + 1);
        if (lo < hi) {
          from.put(tp, lo);
          until.put(tp, hi);
        }
      }
      List<ConsumerRecord<byte[], byte[]>> records = readRange(consumer, from, until,
          r -> offsetsByPartition.get(r.partition()).contains(r.offset()));
      Map<TopicPartition, Map<Long, ConsumerRecord<byte[], byte[]>>> result = new HashMap<>();
      records.forEach(r -> result.computeIfAbsent(new TopicPartition(r.topic(), r.partition()),
          tp -> new HashMap<>()).put(r.offset(), r));
      return result;
    }
  }

  /**
   * Every record in the topic up to the end offsets as they are now, oldest first per partition.
   * Records that arrive while reading (a replayed record failing again) are not included.
   *
   * @throws TooManyDeadLettersException when more than {@code max} records are retained
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int max) {
    try (Consumer<byte[], byte[]> consumer = consumers.get()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long retained = partitions.stream().mapToLong(tp -> end.get(tp) - start.get(tp)).sum();
      if (retained > max) {
        throw new TooManyDeadLettersException(topic, retained, max);
      }
      return readRange(consumer, start, end, r -> true);
    }
  }

  private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
    Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
    List<PartitionInfo> infos = topics.get(topic);
    if (infos == null) {
      return List.of();
    }
    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  /** Reads [from, until) of each partition, keeping the records the filter accepts. */
  private List<ConsumerRecord<byte[], byte[]>> readRange(Consumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> from, Map<TopicPartition, Long> until,
      Predicate<ConsumerRecord<byte[], byte[]>> keep) {
    List<TopicPartition> todo = new ArrayList<>();
    from.forEach((tp, offset) -> {
      if (offset < until.get(tp)) {
        todo.add(tp);
      }
    });
    List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>();
    if (todo.isEmpty()) {
      return result;
    }
    consumer.assign(todo);
    todo.forEach(tp -> consumer.seek(tp, from.get(tp)));
    Instant deadline = Instant.now().plus(timeout.multipliedBy(3));
    while (!done(consumer, todo, until)) {
      if (Instant.now().isAfter(deadline)) {
        throw new KafkaUnavailableException("Reading " + describe(todo) + " did not reach the end"
            + " within " + timeout.multipliedBy(3) + " (pipeline.ops.kafka.timeout)", null);
      }
      ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < until.get(tp) && keep.test(record)) {
          result.add(record);
        }
      }
    }
    return result;
  }

  private static boolean done(Consumer<byte[], byte[]> consumer, Collection<TopicPartition> todo,
      Map<TopicPartition, Long> until) {
    return todo.stream().allMatch(tp -> consumer.position(tp) >= until.get(tp));
  }

  private static String describe(Collection<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::toString).sorted().toList().toString();
  }

  /** A replay of everything that would exceed the configured maximum. */
  public static class TooManyDeadLettersException extends RuntimeException {
    public TooManyDeadLettersException(String topic, long retained, int max) {
      super(topic + " holds " + retained + " dead letters, more than one replay may send ("
          + max + ", pipeline.ops.dead-letters.max-replay); raise it or select offsets");
    }
  }
}
