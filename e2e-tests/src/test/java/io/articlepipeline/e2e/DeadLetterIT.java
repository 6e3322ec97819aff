package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A record the enrich stage cannot read lands in its dead-letter topic, and the stage goes on. */
class DeadLetterIT {

  @Test
  void aRecordThatIsNotAvroIsDeadLetteredWithItsReasonWhileLaterRecordsFlow() throws Exception {
    String badKey = "bad-" + UUID.randomUUID();
    byte[] garbage = "{\"this is\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.SUBMITTED, badKey, garbage)).get();
    }
    String marker = "死信之后" + UUID.randomUUID().toString().substring(0, 8);
    Http.Response accepted = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN, "application/json",
        "{\"title\": \"死信测试之后的文章\", \"body\": \"北京市红十字会开展应急救护培训。" + marker + "\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String goodId = accepted.json().path("id").asText();

    ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> findDeadLetter(badKey), r -> r != null);
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SUBMITTED);
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("magic byte");
    assertThat(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET)).isNotNull();

    // the submitter's status poll (on the index service) tells the same: failed, where and why
    var status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + badKey + "/status", Endpoints.SUBMIT_TOKEN),
            r -> r.status() == 200 && r.json().path("status").asText().equals("failed")).json();
    assertThat(status.path("failure").path("stage").asText()).isEqualTo("enrich");
    assertThat(status.path("failure").path("reason").asText()).contains("magic byte");
    assertThat(status.path("failure").path("deadLetterTopic").asText()).isEqualTo(Topics.SUBMITTED_DLQ);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + goodId, null).status() == 200);
  }

  private static ConsumerRecord<String, byte[]> findDeadLetter(String key) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.KAFKA,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(Topics.SUBMITTED_DLQ);
      if (partitions == null || partitions.isEmpty()) {
        return null;
      }
      List<TopicPartition> assigned = partitions.stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      long deadline = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
        if (assigned.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
          return null;
        }
      }
      return null;
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
