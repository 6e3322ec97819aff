package io.articlepipeline.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Real-broker helpers for ITs; the broker is {@code KAFKA_BOOTSTRAP_SERVERS} (default 127.0.0.1:9092). */
public final class KafkaTestSupport {

  public static final String BOOTSTRAP =
      System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

  private KafkaTestSupport() {
  }

  /** A name no other test run uses, so tests never touch the pipeline's own topics. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
  }

  public static void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  public static void deleteQuietly(List<String> topics, List<String> groups) throws Exception {
    try (Admin admin = admin()) {
      admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
      if (!groups.isEmpty()) {
        admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  public static KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Produces {@code count} records to one partition and waits for the acknowledgements. */
  public static void produce(String topic, int partition, int count) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, partition, ("k" + i).getBytes(),
            ("v" + i).getBytes())).get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Reads every record of a topic from the beginning to its current end. */
  public static List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> readAll(
      String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records =
          new java.util.ArrayList<>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** Commits offsets for a group the way a consumer does. */
  public static void commit(String group, Map<TopicPartition, Long> offsets) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(offsets.keySet());
      Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
      offsets.forEach((tp, o) -> commits.put(tp, new OffsetAndMetadata(o)));
      consumer.commitSync(commits, Duration.ofSeconds(30));
    }
  }
}
