package io.articlepipeline.ingest.status;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads both dead-letter topics from the beginning and keeps the newest dead letter of each
 * article id, so a submitter's status poll can say that, and why, a revision failed. No
 * consumer group: it reads, never commits, and starts over after a restart.
 */
public class DeadLetterWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterWatch.class);
  private static final Map<String, String> STAGE_OF_TOPIC = Map.of(
      Topics.SUBMITTED_DLQ, "enrich", Topics.ENRICHED_DLQ, "index");
  /** Most distinct article ids remembered; the oldest are forgotten first. */
  static final int MAX_ARTICLES = 100_000;
  private static final int MAX_REASON = 500;

  private final String bootstrapServers;
  /** Decodes dead-lettered records (Confluent wire format) to read their revision; null: none. */
  private final org.apache.kafka.common.serialization.Deserializer<Object> values;
  private final Map<String, DeadLetter> newest = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DeadLetter> eldest) {
      return size() > MAX_ARTICLES;
    }
  };
  private volatile boolean running;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  /**
   * @param values decodes a dead-lettered value to an Avro record with a {@code revision}
   *               field; null to read no revisions
   */
  public DeadLetterWatch(String bootstrapServers, org.apache.kafka.common.serialization.Deserializer<Object> values) {
    this.bootstrapServers = bootstrapServers;
    this.values = values;
  }

  /** The newest dead letter of this article id, if any was seen. */
  public Optional<DeadLetter> newest(String id) {
    synchronized (newest) {
      return Optional.ofNullable(newest.get(id));
    }
  }

  void record(String id, DeadLetter letter) {
    synchronized (newest) {
      DeadLetter known = newest.get(id);
      // dead letters arrive in time order; a replayed old revision does not hide a newer failure
      if (known == null || known.revision() == null || letter.revision() == null
          || letter.revision() >= known.revision()) {
        newest.put(id, letter);
      }
    }
  }

  DeadLetter read(ConsumerRecord<byte[], byte[]> record) {
    Header message = record.headers().lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE);
    Header stage = record.headers().lastHeader(DeadLetterHeaders.STAGE);
    String reason = message == null ? "no reason recorded" : new String(message.value(), StandardCharsets.UTF_8);
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON) + "…";
    }
    return new DeadLetter(
        stage != null ? new String(stage.value(), StandardCharsets.UTF_8)
            : STAGE_OF_TOPIC.getOrDefault(record.topic(), "unknown"),
        reason, record.topic(), revision(record), Instant.ofEpochMilli(record.timestamp()));
  }

  private Long revision(ConsumerRecord<byte[], byte[]> record) {
    if (values == null || record.value() == null) {
      return null;
    }
    try {
      Object decoded = values.deserialize(record.topic(), record.value());
      if (decoded instanceof org.apache.avro.generic.GenericRecord r && r.hasField("revision")
          && r.get("revision") instanceof Long revision) {
        return revision;
      }
    } catch (RuntimeException e) {
      // not Avro, or a schema the registry does not have: that is often why it was dead-lettered
    }
    return null;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "dead-letter-watch");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-dead-letter-watch");
    while (running) {
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
          new ByteArrayDeserializer())) {
        consumer = c;
        follow(c);
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("reading the dead-letter topics failed, retrying in 5 s: {}", e.toString());
        sleep(5_000);
      } finally {
        consumer = null;
      }
    }
  }

  private void follow(KafkaConsumer<byte[], byte[]> c) {
    Set<TopicPartition> assigned = new HashSet<>();
    long nextRefresh = 0;
    while (running) {
      if (System.currentTimeMillis() >= nextRefresh) {
        // topics and partitions appear when the first dead letter is written: look again now and then
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : STAGE_OF_TOPIC.keySet()) {
          List<PartitionInfo> partitions = c.partitionsFor(topic, Duration.ofSeconds(10));
          if (partitions != null) {
            partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
          }
        }
        if (!assigned.containsAll(all)) {
          List<TopicPartition> added = all.stream().filter(tp -> !assigned.contains(tp)).toList();
          assigned.addAll(all);
          c.assign(assigned);
          c.seekToBeginning(added);
        }
        nextRefresh = System.currentTimeMillis() + 10_000;
      }
      if (assigned.isEmpty()) {
        sleep(1_000);
        continue;
      }
      for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(500))) {
        if (record.key() != null) {
          record(new String(record.key(), StandardCharsets.UTF_8), read(record));
        }
      }
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
