package io.articlepipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The shared Kafka settings are defaults: present everywhere, overridden by anything a service sets. */
class KafkaDefaultsTest {

  private static StandardEnvironment environment(Map<String, Object> serviceSettings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("service", serviceSettings));
    new KafkaDefaults().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void everyProducerWaitsForAllReplicasAndNeverWritesTwice() {
    KafkaClientSettings settings = KafkaClientSettings.from(environment(Map.of()));

    Map<String, Object> producer = settings.producer("p");
    assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
        .containsEntry("max.request.size", "16777216").containsEntry("client.id", "p");
    assertThat(settings.consumer("c", "g")).containsEntry("enable.auto.commit", "false")
        .containsEntry("group.id", "g");
    assertThat(settings.partitions()).isEqualTo(3);
  }

  @Test
  void aServiceOrTheEnvironmentOverridesAnyDefault() {
    KafkaClientSettings settings = KafkaClientSettings.from(environment(Map.of(
        "spring.cloud.stream.kafka.binder.brokers", "kafka-1:9092,kafka-2:9092",
        "spring.cloud.stream.kafka.binder.producer-properties.linger.ms", "20",
        "spring.cloud.stream.kafka.binder.min-partition-count", "6")));

    assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(settings.producer("p")).containsEntry("linger.ms", "20").containsEntry("acks", "all")
        .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092");
    assertThat(settings.partitions()).isEqualTo(6);
  }

  @Test
  void theDefaultsAreAddedOnce() {
    StandardEnvironment environment = environment(Map.of());
    int sources = environment.getPropertySources().size();

    new KafkaDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().size()).isEqualTo(sources);
  }
}
