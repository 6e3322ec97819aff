package io.articlepipeline.ingest.submit;

import io.articlepipeline.ingest.IngestProperties;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.kafka.SerdeProperties;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The producer that writes accepted articles, built from the pipeline's shared Kafka settings. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PublishingConfiguration.class);

  @Bean(destroyMethod = "close")
  KafkaArticlePublisher articlePublisher(KafkaClientSettings kafka, IngestProperties properties,
      Environment environment) {
    Map<String, Object> config = kafka.producer("ingest-articles");
    // pipeline.ingest.value-serializer: ours by default, Confluent's KafkaAvroSerializer works too;
    // pipeline.ingest.serializer-config: its schema.registry.url, auto.register.schemas
    KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
        SerdeProperties.serializer(environment, "pipeline.ingest").newSerializer());
    long deliveryTimeout = Long.parseLong(String.valueOf(config.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        "120000")));
    return new KafkaArticlePublisher(producer, properties.getTopic(), deliveryTimeout + 5_000);
  }

  /**
   * Creates the articles topic with the pipeline's partitions if it does not exist yet, as the
   * binder does for the stages' topics; left to the broker it would get one partition.
   */
  @Bean
  ApplicationRunner articlesTopic(KafkaClientSettings kafka, IngestProperties properties) {
    return args -> {
      try {
        kafka.ensureTopics(List.of(properties.getTopic()), 10_000);
      } catch (RuntimeException e) {
        log.warn("Could not make sure topic {} exists ({}); the first article will be written once Kafka answers",
            properties.getTopic(), e.getMessage());
      }
    };
  }
}
