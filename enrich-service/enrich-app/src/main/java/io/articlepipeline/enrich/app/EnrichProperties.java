package io.articlepipeline.enrich.app;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the enrich stage, prefix {@code pipeline.enrich}. The value deserializer of its input
 * and serializer of its output ({@code value-deserializer} with {@code deserializer-config},
 * {@code value-serializer} with {@code serializer-config}) are read by service-support's
 * {@link io.articlepipeline.support.kafka.SerdeProperties}, as every stage's are.
 */
@Validated
@ConfigurationProperties("pipeline.enrich")
public class EnrichProperties {

  /** Operators' extra organization names, one per line with an optional TAB and type (default: none). */
  private Path gazetteer;

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
}
