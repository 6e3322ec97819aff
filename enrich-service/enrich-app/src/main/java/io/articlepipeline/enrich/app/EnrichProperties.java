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

  /** Consumer group in which a reprocess keeps its progress and plan (default enrich-reprocess). */
  @NotBlank(message = "pipeline.enrich.reprocess-group must be set")
  private String reprocessGroup = "enrich-reprocess";

  /** Records a reprocess reads, enriches and writes at a time (default 250; the live stage is held while one is written). */
  @jakarta.validation.constraints.Min(value = 1, message = "pipeline.enrich.reprocess-batch must be at least 1")
  private int reprocessBatch = 250;

  /**
   * The next stage's consumer group on the output topic (default index): a reprocess waits while
   * it is more than {@code reprocess-downstream-lag} records behind, so that new articles do not
   * queue behind reprocessed ones there. Empty: no wait.
   */
  private String reprocessDownstreamGroup = "index";

  /** See reprocess-downstream-group (default 2000 records: a second or two of the index stage's work). */
  @jakarta.validation.constraints.Min(value = 1, message = "pipeline.enrich.reprocess-downstream-lag must be at least 1")
  private long reprocessDownstreamLag = 2000;

  public String getReprocessDownstreamGroup() {
    return reprocessDownstreamGroup;
  }

  public void setReprocessDownstreamGroup(String reprocessDownstreamGroup) {
    this.reprocessDownstreamGroup = reprocessDownstreamGroup == null ? "" : reprocessDownstreamGroup;
  }

  public long getReprocessDownstreamLag() {
    return reprocessDownstreamLag;
  }

  public void setReprocessDownstreamLag(long reprocessDownstreamLag) {
    this.reprocessDownstreamLag = reprocessDownstreamLag;
  }

  public String getReprocessGroup() {
    return reprocessGroup;
  }

  public void setReprocessGroup(String reprocessGroup) {
    this.reprocessGroup = reprocessGroup;
  }

  public int getReprocessBatch() {
    return reprocessBatch;
  }

  public void setReprocessBatch(int reprocessBatch) {
    this.reprocessBatch = reprocessBatch;
  }

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
