package io.articlepipeline.ops.deadletters;

import io.articlepipeline.ops.deadletters.DeadLettersView.TopicDeadLetters;
import io.articlepipeline.ops.deadletters.ReplayReport.Result;
import io.articlepipeline.ops.deadletters.ReplayReport.Status;
import io.articlepipeline.ops.deadletters.ReplayRecords.ReplayRefusedException;
import io.articlepipeline.support.deadletter.DeadLetterReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists dead letters and replays them to their source topic. A replay produces the original key
 * and bytes with acks=all and reports each record's outcome; it never deletes or skips a dead
 * letter, so a failed replay can simply be tried again.
 */
public class DeadLetterService {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

  private final List<String> deadLetterTopics;
  private final DeadLetterStore store;
  private final ReplayRecords replays;
  private final Producer<byte[], byte[]> producer;
  private final Duration timeout;
  private final int newest;
  private final int maxReplay;
  private final Clock clock;
  private final ReplayListener listener;

  /** Told about every replay outcome (for metrics). */
  public interface ReplayListener {
    void replayed(String topic, Status status);
  }

  public DeadLetterService(List<String> deadLetterTopics, DeadLetterStore store,
      ReplayRecords replays, Producer<byte[], byte[]> producer,
      Duration timeout, int newest, int maxReplay, Clock clock, ReplayListener listener) {
    this.deadLetterTopics = List.copyOf(deadLetterTopics);
    this.store = store;
    this.replays = replays;
    this.producer = producer;
    this.timeout = timeout;
    this.newest = newest;
    this.maxReplay = maxReplay;
    this.clock = clock;
    this.listener = listener;
  }

  /** The dead-letter topics this console manages. */
  public List<String> topics() {
    return deadLetterTopics;
  }

  /** Counts and newest dead letters of every dead-letter topic. */
  public DeadLettersView view() {
    List<TopicDeadLetters> topics = new ArrayList<>();
    for (String topic : deadLetterTopics) {
      DeadLetterStore.Snapshot snapshot = store.snapshot(topic, newest);
      topics.add(new TopicDeadLetters(topic, DeadLetterReader.sourceTopicOf(topic),
          snapshot.exists(), snapshot.retained(), snapshot.total(),
          snapshot.newest()));
    }
    return new DeadLettersView(clock.instant(), topics);
  }

  /** Replays every dead letter of the topic as it stands now. */
  public ReplayReport replayAll(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = store.readAll(topic, maxReplay);
    return ReplayReport.of(topic, send(records));
  }

  /** Replays the dead letters at these partition/offset positions. */
  public ReplayReport replay(String topic, Map<Integer, Set<Long>> offsets) {
    Map<TopicPartition, Map<Long, ConsumerRecord<byte[], byte[]>>> found = store.read(topic, offsets);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    List<Result> missing = new ArrayList<>();
    offsets.forEach((partition, wanted) -> new TreeSet<>(wanted).forEach(offset -> {
      ConsumerRecord<byte[], byte[]> record = found
          .getOrDefault(new TopicPartition(topic, partition), Map.of()).get(offset);
      if (record == null) {
        missing.add(Result.notReplayed(partition, offset, Status.NOT_FOUND,
            "no record at " + topic + "/" + partition + "/" + offset
                + " (beyond the end, or expired by retention)"));
        listener.replayed(topic, Status.NOT_FOUND);
      } else {
        records.add(record);
      }
    }));
    List<Result> results = new ArrayList<>(send(records));
    results.addAll(missing);
    results.sort(Comparator.comparingInt(Result::partition).thenComparingLong(Result::offset));
    return ReplayReport.of(topic, results);
  }

  private List<Result> send(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Pending> pending = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        ProducerRecord<byte[], byte[]> replay = replays.replayOf(record);
        pending.add(new Pending(record, replay, producer.send(replay), null));
      } catch (ReplayRefusedException e) {
        pending.add(new Pending(record, null, null, Result.notReplayed(record.partition(),
            record.offset(), Status.REFUSED, e.getMessage())));
      } catch (RuntimeException e) {
        pending.add(new Pending(record, null, null, failed(record, e)));
      }
    }
    producer.flush();
    List<Result> results = new ArrayList<>();
    for (Pending p : pending) {
      Result result = p.outcome() != null ? p.outcome() : await(p);
      listener.replayed(p.deadLetter().topic(), result.status());
      results.add(result);
    }
    return results;
  }

  /** A dead letter on its way back: either sent (awaiting the ack) or already decided. */
  private record Pending(ConsumerRecord<byte[], byte[]> deadLetter,
      ProducerRecord<byte[], byte[]> replay, Future<RecordMetadata> ack, Result outcome) {
  }

  private Result await(Pending sent) {
    ConsumerRecord<byte[], byte[]> deadLetter = sent.deadLetter();
    try {
      RecordMetadata meta = sent.ack().get(timeout.toMillis() * 6, TimeUnit.MILLISECONDS);
      int count = DeadLetterReader.replayCount(sent.replay().headers());
      log.info("Replayed dead letter topic={} partition={} offset={} to topic={} partition={} offset={}",
          deadLetter.topic(), deadLetter.partition(), deadLetter.offset(), meta.topic(),
          meta.partition(), meta.offset());
      return new Result(deadLetter.partition(), deadLetter.offset(), Status.REPLAYED, meta.topic(),
          meta.partition(), meta.offset(), count, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(deadLetter, e);
    } catch (ExecutionException e) {
      return failed(deadLetter, e.getCause());
    } catch (TimeoutException e) {
      return failed(deadLetter, e);
    }
  }

  private static Result failed(ConsumerRecord<byte[], byte[]> record, Throwable e) {
    log.warn("Replay of dead letter topic={} partition={} offset={} failed: {}", record.topic(),
        record.partition(), record.offset(), e.toString());
    return Result.notReplayed(record.partition(), record.offset(), Status.FAILED,
        e.getClass().getSimpleName() + ": " + e.getMessage()
            + " (the dead letter is still in " + record.topic() + "; try again)");
  }
}
