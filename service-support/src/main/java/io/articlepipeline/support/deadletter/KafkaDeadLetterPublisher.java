package io.articlepipeline.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dead letters on a Kafka topic: acks=all, idempotent, and waited for. */
public class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterPublisher.class);
  private static final long SEND_TIMEOUT_SECONDS = 45;

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  /**
   * @param producerConfig the shared producer settings ({@code KafkaClientSettings#producer}):
   *                       acks=all and idempotence come from there
   */
  public KafkaDeadLetterPublisher(Map<String, Object> producerConfig, String topic) {
    this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  @Override
  public void publish(List<DeadLetter> deadLetters) {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    for (DeadLetter d : deadLetters) {
      byte[] key = d.source().key() == null ? null : d.source().key().getBytes(StandardCharsets.UTF_8);
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, d.value());
      for (Map.Entry<String, byte[]> h : d.headers().entrySet()) {
        record.headers().add(h.getKey(), h.getValue());
      }
      sends.add(producer.send(record));
    }
    for (int i = 0; i < sends.size(); i++) {
      try {
        RecordMetadata meta = sends.get(i).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        log.warn("Dead-lettered {} to topic={} partition={} offset={}", deadLetters.get(i).source(),
            meta.topic(), meta.partition(), meta.offset());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while writing dead letters to " + topic, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Could not write a dead letter for " + deadLetters.get(i).source()
            + " to " + topic + ": " + e, e);
      }
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
