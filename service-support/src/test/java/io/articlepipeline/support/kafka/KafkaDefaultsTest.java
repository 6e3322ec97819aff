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

  /** What "nothing acknowledged is lost, nothing written twice" needs from Kafka, as shipped. */
  @Test
  void theShippedSettingsKeepThePromise() {
    StandardEnvironment environment = environment(Map.of());
    KafkaClientSettings settings = KafkaClientSettings.from(environment);

    // idempotent producers that wait for every in-sync replica (the binder's and our own)
    assertThat(settings.producer("p")).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.required-acks")).isEqualTo("all");
    // offsets committed by the stages after their output is durable, never by a timer
    assertThat(settings.consumer("c", "g")).containsEntry("enable.auto.commit", "false");
    // every pipeline topic: no unclean leader election; min.insync.replicas 1 on the single
    // embedded broker, as the environment says elsewhere
    assertThat(settings.topicProperties()).containsEntry("unclean.leader.election.enable", "false")
        .containsEntry("min.insync.replicas", "1");
    assertThat(settings.replicationFactor()).isEqualTo((short) 1);
    for (String side : new String[] {"producer", "consumer"}) {
      String prefix = "spring.cloud.stream.kafka.default." + side + ".topic.properties.";
      assertThat(environment.getProperty(prefix + "unclean.leader.election.enable")).as(side).isEqualTo("false");
      assertThat(environment.getProperty(prefix + "min.insync.replicas")).as(side).isEqualTo("1");
    }
  }

  @Test
  void threeBrokersGetThreeReplicasWithTwoInSync() {
    StandardEnvironment environment = environment(Map.of("PIPELINE_TOPIC_REPLICATION", "3",
        "PIPELINE_TOPIC_MIN_ISR", "2"));
    KafkaClientSettings settings = KafkaClientSettings.from(environment);

    assertThat(settings.replicationFactor()).isEqualTo((short) 3);
    assertThat(settings.topicProperties()).containsEntry("min.insync.replicas", "2")
        .containsEntry("unclean.leader.election.enable", "false");
    assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.replication-factor")).isEqualTo("3");
    assertThat(environment.getProperty("spring.cloud.stream.kafka.default.consumer.topic.properties.min.insync.replicas"))
        .isEqualTo("2");
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
