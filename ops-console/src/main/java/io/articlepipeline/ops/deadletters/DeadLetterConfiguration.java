package io.articlepipeline.ops.deadletters;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.metrics.OpsMetrics;
import io.articlepipeline.support.deadletter.DeadLetterReader;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of dead-letter reading and replay: a group-less consumer factory and an acks=all producer. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

  /**
   * Producer for replays (and reprocessing tools): the pipeline's shared producer settings
   * (acks=all, idempotent, records up to the topics' size), bytes in and out, a send blocking no
   * longer than a Kafka call may take.
   */
  @Bean(destroyMethod = "close")
  Producer<byte[], byte[]> replayProducer(KafkaClientSettings kafka, OpsProperties properties) {
    Map<String, Object> config = kafka.producer("ops-console-replay");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.getKafka().getTimeout().toMillis());
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Bean
  DeadLetterService deadLetterService(OpsProperties properties, KafkaClientSettings kafka,
      Producer<byte[], byte[]> producer, Clock clock, OpsMetrics metrics) {
    Supplier<Consumer<byte[], byte[]>> consumers = () -> groupLessConsumer(kafka, properties);
    Set<String> replayTargets = properties.getTopics().stream()
        .filter(t -> !t.endsWith(".dlq"))
        .collect(Collectors.toSet());
    var d = properties.getDeadLetters();
    return new DeadLetterService(d.getTopics(),
        new DeadLetterStore(consumers, properties.getKafka().getTimeout(),
            new DeadLetterReader(stageByTopic(properties.getGroups()))),
        new ReplayRecords(replayTargets), producer, properties.getKafka().getTimeout(),
        d.getNewest(), d.getMaxReplay(), clock, metrics::replayed);
  }

  private static Map<String, String> stageByTopic(Map<String, String> groups) {
    Map<String, String> stages = new HashMap<>();
    groups.forEach((group, topic) -> stages.putIfAbsent(topic, group));
    return stages;
  }

  private static Consumer<byte[], byte[]> groupLessConsumer(KafkaClientSettings kafka, OpsProperties properties) {
    Map<String, Object> config = kafka.consumer("ops-console-dead-letters", null);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) properties.getKafka().getTimeout().toMillis());
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
