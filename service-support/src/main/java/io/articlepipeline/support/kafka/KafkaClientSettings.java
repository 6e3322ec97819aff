package io.articlepipeline.support.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings of the Kafka clients a stage creates itself (its own producer, dead-letter
 * publisher, admin client), read from the same keys the binder uses
 * ({@code spring.cloud.stream.kafka.binder.brokers}, {@code .producer-properties},
 * {@code .consumer-properties}, {@code .min-partition-count}, {@code .replication-factor}), so
 * that the binder's clients and ours cannot drift apart.
 */
public final class KafkaClientSettings {

  private static final String BINDER = "spring.cloud.stream.kafka.binder";
  /** The topic settings of every binding (pipeline-kafka-defaults.yml), applied to our own topics too. */
  static final String TOPIC_PROPERTIES = "spring.cloud.stream.kafka.default.producer.topic.properties";
  private static final Logger log = LoggerFactory.getLogger(KafkaClientSettings.class);

  private final String bootstrapServers;
  private final Map<String, String> producer;
  private final Map<String, String> consumer;
  private final int partitions;
  private final short replicationFactor;
  private final boolean createTopics;
  private final Map<String, String> topicProperties;

  public KafkaClientSettings(String bootstrapServers, Map<String, String> producer, Map<String, String> consumer,
      int partitions, short replicationFactor, boolean createTopics) {
    this(bootstrapServers, producer, consumer, partitions, replicationFactor, createTopics, Map.of());
  }

  public KafkaClientSettings(String bootstrapServers, Map<String, String> producer, Map<String, String> consumer,
      int partitions, short replicationFactor, boolean createTopics, Map<String, String> topicProperties) {
    this.createTopics = createTopics;
    this.topicProperties = Map.copyOf(topicProperties);
    this.bootstrapServers = bootstrapServers;
    this.producer = Map.copyOf(producer);
    this.consumer = Map.copyOf(consumer);
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
  }

  /** The settings as the environment has them (the shared defaults, overridden where a service says so). */
  public static KafkaClientSettings from(Environment environment) {
    Binder binder = Binder.get(environment);
    Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
    String brokers = String.join(",", binder.bind(BINDER + ".brokers", Bindable.listOf(String.class))
        .orElse(List.of("127.0.0.1:9092")));
    return new KafkaClientSettings(brokers,
        binder.bind(BINDER + ".producer-properties", map).orElse(Map.of()),
        binder.bind(BINDER + ".consumer-properties", map).orElse(Map.of()),
        binder.bind(BINDER + ".min-partition-count", Integer.class).orElse(1),
        binder.bind(BINDER + ".replication-factor", Short.class).orElse((short) 1),
        binder.bind(BINDER + ".auto-create-topics", Boolean.class).orElse(true),
        binder.bind(TOPIC_PROPERTIES, map).orElse(Map.of()));
  }

  /** The settings a pipeline topic is created with (unclean.leader.election.enable, min.insync.replicas). */
  public Map<String, String> topicProperties() {
    return topicProperties;
  }

  /** Replicas of a pipeline topic. */
  public short replicationFactor() {
    return replicationFactor;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Partitions a pipeline topic is created with. */
  public int partitions() {
    return partitions;
  }

  /** A producer's configuration (serializers are the caller's). */
  public Map<String, Object> producer(String clientId) {
    Map<String, Object> config = new HashMap<>(producer);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return config;
  }

  /** A consumer's configuration (deserializers are the caller's). */
  public Map<String, Object> consumer(String clientId, String groupId) {
    Map<String, Object> config = new HashMap<>(consumer);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    return config;
  }

  /** An admin client's configuration. */
  public Map<String, Object> admin(String clientId) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
  }

  /**
   * Creates the topics that do not exist yet with the pipeline's partitions and replication (as
   * the binder does for its bindings), so a topic a stage writes with its own producer is not left
   * to the broker's auto-creation with one partition. Like the binder, nothing when
   * {@code auto-create-topics} is false (the topics are managed elsewhere).
   */
  public void ensureTopics(List<String> topics, long timeoutMillis) {
    if (!createTopics) {
      return;
    }
    try (Admin admin = Admin.create(admin("topic-provisioner"))) {
      List<NewTopic> wanted = new ArrayList<>();
      for (String topic : topics) {
        wanted.add(new NewTopic(topic, partitions, replicationFactor).configs(topicProperties));
      }
      var results = admin.createTopics(wanted).values();
      List<String> existing = new ArrayList<>();
      for (var entry : results.entrySet()) {
        try {
          entry.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("Cannot create topic " + entry.getKey() + " on " + bootstrapServers
                + ": " + e.getCause(), e.getCause());
          }
          existing.add(entry.getKey());
        }
      }
      alignExisting(admin, existing, timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics " + topics, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + timeoutMillis
          + " ms while creating topics " + topics, e);
    }
  }

  /**
   * A topic that existed already (created by an older version, by the broker's auto-creation or
   * by hand) gets the pipeline's topic settings where it has other values; a broker that refuses
   * (no ALTER_CONFIGS permission) leaves a warning, not a failed start.
   */
  private void alignExisting(Admin admin, List<String> topics, long timeoutMillis) throws InterruptedException {
    if (topics.isEmpty() || topicProperties.isEmpty()) {
      return;
    }
    try {
      List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
      Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
      Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
      current.forEach((resource, config) -> topicProperties.forEach((key, value) -> {
        ConfigEntry entry = config.get(key);
        if (entry == null || !value.equals(entry.value())) {
          changes.computeIfAbsent(resource, r -> new ArrayList<>())
              .add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
        }
      }));
      if (!changes.isEmpty()) {
        admin.incrementalAlterConfigs(changes).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        log.info("Topic settings set to the pipeline's: {}", changes);
      }
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Could not check or set the pipeline's settings {} on the existing topics {}: {}", topicProperties,
          topics, e.getCause() != null ? e.getCause() : e);
    }
  }
}
