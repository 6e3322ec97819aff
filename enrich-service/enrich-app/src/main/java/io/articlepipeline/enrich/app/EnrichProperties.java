package io.articlepipeline.enrich.app;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the enrich stage, prefix {@code pipeline.enrich}. */
@Validated
@ConfigurationProperties("pipeline.enrich")
public class EnrichProperties {

  /** Operators' extra organization names, one per line with an optional TAB and type (default: none). */
  private Path gazetteer;

  /**
   * Deserializer for the input topic's values (default our Confluent-wire-format Avro reader; any
   * Kafka Deserializer of ArticleSubmitted, e.g. Confluent's KafkaAvroDeserializer, works).
   */
  @NotBlank(message = "pipeline.enrich.value-deserializer must name a Kafka Deserializer class")
  private String valueDeserializer = "io.articlepipeline.serde.AvroDeserializer";

  /** Configuration handed to the deserializer (schema.registry.url, specific.avro.reader, ...). */
  private Map<String, String> deserializerConfig = new HashMap<>();

  /**
   * Serializer for the output topic's values (default our Confluent-wire-format Avro writer; any
   * Kafka Serializer of ArticleEnriched, e.g. Confluent's KafkaAvroSerializer, works). The stage
   * encodes, not the producer, so that encoding waits for an unreachable registry as decoding does.
   */
  @NotBlank(message = "pipeline.enrich.value-serializer must name a Kafka Serializer class")
  private String valueSerializer = "io.articlepipeline.serde.AvroSerializer";

  /** Configuration handed to the serializer (schema.registry.url, auto.register.schemas, ...). */
  private Map<String, String> serializerConfig = new HashMap<>();

  public String getValueSerializer() {
    return valueSerializer;
  }

  public void setValueSerializer(String valueSerializer) {
    this.valueSerializer = valueSerializer;
  }

  public Map<String, String> getSerializerConfig() {
    return serializerConfig;
  }

  public void setSerializerConfig(Map<String, String> serializerConfig) {
    this.serializerConfig = serializerConfig;
  }

  /**
   * How long a record waits for an unreachable schema registry before it is dead-lettered
   * (default 8 minutes; keep it below the consumer's max.poll.interval.ms, 10 minutes here).
   */
  private java.time.Duration registryWait = java.time.Duration.ofMinutes(8);

  /** Topic the enriched articles are written to (default articles.enriched). */
  @NotBlank(message = "pipeline.enrich.output-topic must be set")
  private String outputTopic = io.articlepipeline.schemas.Topics.ENRICHED;

  /** Topic of the records this stage cannot process (default articles.submitted.dlq). */
  @NotBlank(message = "pipeline.enrich.dead-letter-topic must be set")
  private String deadLetterTopic = io.articlepipeline.schemas.Topics.SUBMITTED_DLQ;

  /** Threads that enrich a batch's articles at once (default: one per core; 0 means that too). */
  @jakarta.validation.constraints.Min(value = 0, message = "pipeline.enrich.threads must be 0 (one per core) or more")
  private int threads = 0;

  /** Tries of an article the enricher fails on before it is dead-lettered (default 3). */
  @jakarta.validation.constraints.Min(value = 1, message = "pipeline.enrich.max-attempts must be at least 1")
  private int maxAttempts = 3;

  public String getOutputTopic() {
    return outputTopic;
  }

  public void setOutputTopic(String outputTopic) {
    this.outputTopic = outputTopic;
  }

  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public void setDeadLetterTopic(String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
  }

  /** The threads to enrich with: the setting, or one per core when it is 0. */
  public int getThreads() {
    return threads;
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public void setThreads(int threads) {
    this.threads = threads;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public java.time.Duration getRegistryWait() {
    return registryWait;
  }

  public void setRegistryWait(java.time.Duration registryWait) {
    this.registryWait = registryWait;
  }

  public Path getGazetteer() {
    return gazetteer;
  }

  public void setGazetteer(Path gazetteer) {
    this.gazetteer = gazetteer;
  }

  public String getValueDeserializer() {
    return valueDeserializer;
  }

  public void setValueDeserializer(String valueDeserializer) {
    this.valueDeserializer = valueDeserializer;
  }

  public Map<String, String> getDeserializerConfig() {
    return deserializerConfig;
  }

  public void setDeserializerConfig(Map<String, String> deserializerConfig) {
    this.deserializerConfig = deserializerConfig;
  }
}
