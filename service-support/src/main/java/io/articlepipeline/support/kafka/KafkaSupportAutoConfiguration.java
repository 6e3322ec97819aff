package io.articlepipeline.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link KafkaClientSettings} for every service with the Kafka client on its class path. */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.producer.KafkaProducer")
public class KafkaSupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  KafkaClientSettings kafkaClientSettings(Environment environment) {
    return KafkaClientSettings.from(environment);
  }
}
