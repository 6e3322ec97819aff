package io.articlepipeline.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its start in a consumer group of its own (named after {@code groupPrefix}),
 * and removes a test run's topics and groups afterwards.
 */
public final class TopicReader {

  private TopicReader() {
  }

  /** Up to {@code expected} records of {@code topic}, waiting at most {@code wait}. */
  public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, String groupPrefix,
      int expected, Duration wait) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + wait.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(250)).forEach(records::add);
      }
    }
    return records;
  }

  /** Deletes {@code topics} and every consumer group whose name starts with {@code groupPrefix}. */
  public static void deleteRun(String bootstrap, List<String> topics, String groupPrefix) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
      admin.deleteTopics(topics).all().get();
      List<String> groups = admin.listConsumerGroups().all().get().stream()
          .map(g -> g.groupId()).filter(g -> g.startsWith(groupPrefix)).toList();
      admin.deleteConsumerGroups(groups).all().get();
    }
  }
}
