package io.articlepipeline.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the ingest service, prefix {@code pipeline.ingest}. */
@Validated
@ConfigurationProperties("pipeline.ingest")
public class IngestProperties {

  /** Bearer token submitters must send; no default: {@code ./pipeline up} writes it to credentials.properties. */
  @NotBlank(message = "pipeline.ingest.submit-token must be set (submit.token in .pipeline/credentials.properties)")
  private String submitToken;

  /** Largest request body accepted, in bytes (default 2 MiB); larger gets 413. */
  @Min(value = 1024, message = "pipeline.ingest.max-body-bytes must be at least 1024")
  private int maxBodyBytes = 2 * 1024 * 1024;

  /** Longest title accepted, in characters (default 500). */
  @Min(value = 10, message = "pipeline.ingest.max-title-chars must be at least 10")
  private int maxTitleChars = 500;

  /** Base URL of the index service, asked for an article's searchable revision (status polls). */
  @NotBlank(message = "pipeline.ingest.index-url must be set (the index service, e.g. http://127.0.0.1:8083)")
  private String indexUrl = "http://127.0.0.1:8083";

  /** The reader page's base URL as a browser reaches it: the submit page links accepted articles there. */
  private String readerUrl = "";

  public String getReaderUrl() {
    return readerUrl;
  }

  public void setReaderUrl(String readerUrl) {
    this.readerUrl = readerUrl;
  }

  /** Kafka to read the dead-letter topics from (status polls); the binder's brokers by default. */
  @NotBlank(message = "pipeline.ingest.kafka-bootstrap-servers must be set")
  private String kafkaBootstrapServers = "127.0.0.1:9092";

  /** The schema registry, to read the revision of a dead-lettered record (status polls). */
  @NotBlank(message = "pipeline.ingest.schema-registry-url must be set")
  private String schemaRegistryUrl = "http://127.0.0.1:8081/apis/ccompat/v7";

  public String getSchemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public void setSchemaRegistryUrl(String schemaRegistryUrl) {
    this.schemaRegistryUrl = schemaRegistryUrl;
  }

  public String getIndexUrl() {
    return indexUrl;
  }

  public void setIndexUrl(String indexUrl) {
    this.indexUrl = indexUrl;
  }

  public String getKafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public void setKafkaBootstrapServers(String kafkaBootstrapServers) {
    this.kafkaBootstrapServers = kafkaBootstrapServers;
  }

  public String getSubmitToken() {
    return submitToken;
  }

  public void setSubmitToken(String submitToken) {
    this.submitToken = submitToken;
  }

  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public int getMaxTitleChars() {
    return maxTitleChars;
  }

  public void setMaxTitleChars(int maxTitleChars) {
    this.maxTitleChars = maxTitleChars;
  }
}
