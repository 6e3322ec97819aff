package io.articlepipeline.index;

import io.articlepipeline.index.indexing.BulkLimits;
import io.articlepipeline.index.indexing.MalformedDocumentPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the index service, prefix {@code pipeline.index}. The value deserializer of
 * articles.enriched, {@code value-deserializer} with {@code deserializer-config}, is read by
 * service-support's {@link io.articlepipeline.support.kafka.SerdeProperties}, as every stage's is.
 */
@Validated
@ConfigurationProperties("pipeline.index")
public class IndexProperties {

  /** Elasticsearch base URL (default http://127.0.0.1:9200, env ELASTICSEARCH_URL). */
  @NotBlank(message = "pipeline.index.elasticsearch-url must be set (env ELASTICSEARCH_URL)")
  @Pattern(regexp = "https?://.+", message = "pipeline.index.elasticsearch-url must start with http:// or https://")
  private String elasticsearchUrl = "http://127.0.0.1:9200";

  /** Schema registry URL the stage decodes with (env SCHEMA_REGISTRY_URL). */
  @NotBlank(message = "pipeline.index.schema-registry-url must be set (env SCHEMA_REGISTRY_URL)")
  private String schemaRegistryUrl = "http://127.0.0.1:8081/apis/ccompat/v7";

  /** Alias readers search (default articles); points at exactly one index version. */
  @NotBlank(message = "pipeline.index.read-alias must not be blank")
  private String readAlias = "articles";

  /** Alias the indexer writes through (default articles-write, is_write_index on one version). */
  @NotBlank(message = "pipeline.index.write-alias must not be blank")
  private String writeAlias = "articles-write";

  /** Prefix of the versioned index names (default articles-v: articles-v1, articles-v2, ...). */
  @NotBlank(message = "pipeline.index.index-prefix must not be blank")
  private String indexPrefix = "articles-v";

  /** Name of the index template that applies to {@code index-prefix*} (default articles). */
  @NotBlank(message = "pipeline.index.template-name must not be blank")
  private String templateName = "articles";

  /**
   * Organizations the enrich stage tagged with a lower confidence are not indexed (default 0: all).
   * The confidence is calibrated: at 0.9 a tag is right about nine times in ten. A change applies to
   * articles indexed from then on; {@code ./pipeline reindex} applies it to all.
   */
  @jakarta.validation.constraints.DecimalMin(value = "0", message = "pipeline.index.min-organization-confidence must be between 0 and 1")
  @jakarta.validation.constraints.DecimalMax(value = "1", message = "pipeline.index.min-organization-confidence must be between 0 and 1")
  private double minOrganizationConfidence = 0;

  /** Primary shards of a new index version (default 1). */
  @Min(value = 1, message = "pipeline.index.shards must be at least 1")
  private int shards = 1;

  /**
   * How often new documents become searchable (Elasticsearch's refresh_interval; default 500ms,
   * which keeps submitted -> searchable under 2 s at 200 articles/s here; its own default is 1s).
   * Set on every index version and, at start, on the write index.
   */
  @NotBlank(message = "pipeline.index.refresh-interval must be set, e.g. 500ms or 1s")
  private String refreshInterval = "500ms";

  public String getRefreshInterval() {
    return refreshInterval;
  }

  public void setRefreshInterval(String refreshInterval) {
    this.refreshInterval = refreshInterval;
  }

  /** Replicas of a new index version (default 0: the local stack is a single node). */
  @Min(value = 0, message = "pipeline.index.replicas must be at least 0")
  private int replicas = 0;

  /** Attempts of one bulk request before the batch fails and is redelivered (default 5). */
  @Min(value = 1, message = "pipeline.index.bulk-max-attempts must be at least 1")
  private int bulkMaxAttempts = 5;

  /**
   * Bulk requests in flight at once (default 2), while the next one is decoded and mapped.
   * Elasticsearch writes one request to a shard on one thread, so one request at a time leaves a
   * core idle; two requests never hold the same article at once.
   */
  @Min(value = 1, message = "pipeline.index.bulk-parallelism must be at least 1")
  private int bulkParallelism = 2;

  /** Most actions in one bulk request (default 500); a consumed batch goes out as several. */
  @Min(value = 1, message = "pipeline.index.bulk-max-actions must be at least 1")
  private int bulkMaxActions = 500;

  /** Most bytes of documents in one bulk request (default 5MB); a larger document still goes, alone. */
  private DataSize bulkMaxSize = DataSize.ofMegabytes(5);

  /** First wait between bulk attempts (default 200ms; doubles, with jitter). */
  @NotNull(message = "pipeline.index.bulk-initial-backoff must be set")
  private Duration bulkInitialBackoff = Duration.ofMillis(200);

  /** Longest wait between bulk attempts (default 5s). */
  @NotNull(message = "pipeline.index.bulk-max-backoff must be set")
  private Duration bulkMaxBackoff = Duration.ofSeconds(5);

  /** Longest wait before a failed batch is redelivered by the listener container (default 30s). */
  @NotNull(message = "pipeline.index.batch-max-backoff must be set")
  private Duration batchMaxBackoff = Duration.ofSeconds(30);

  /** What to do with a record Elasticsearch rejects as malformed: dead-letter (default) or fail. */
  @NotNull(message = "pipeline.index.behavior-on-malformed-documents must be dead-letter or fail")
  private MalformedDocumentPolicy behaviorOnMalformedDocuments = MalformedDocumentPolicy.DEAD_LETTER;

  /** Dead-letter topic of the index stage (default articles.enriched.dlq). */
  @NotBlank(message = "pipeline.index.dead-letter-topic must not be blank")
  private String deadLetterTopic = io.articlepipeline.schemas.Topics.ENRICHED_DLQ;

  /**
   * Origins of the submit page (ingest's, as a browser reaches it) allowed to poll
   * {@code GET /api/articles/{id}/status} across origins (CORS; default http://127.0.0.1:8080 and
   * http://localhost:8080, env SUBMIT_PAGE_ORIGINS, comma-separated).
   */
  private java.util.List<String> submitPageOrigins = new java.util.ArrayList<>(
      java.util.List.of("http://127.0.0.1:8080", "http://localhost:8080"));

  public java.util.List<String> getSubmitPageOrigins() {
    return submitPageOrigins;
  }

  public void setSubmitPageOrigins(java.util.List<String> submitPageOrigins) {
    this.submitPageOrigins = submitPageOrigins;
  }

  /** Longest query accepted, in characters (default 256); longer gets 400. */
  @Min(value = 16, message = "pipeline.index.max-query-chars must be at least 16")
  private int maxQueryChars = 256;

  /** Default hits per page (default 10). */
  @Min(value = 1, message = "pipeline.index.default-page-size must be at least 1")
  private int defaultPageSize = 10;

  /** Largest page size accepted (default 50); larger gets 400. */
  @Min(value = 1, message = "pipeline.index.max-page-size must be at least 1")
  @Max(value = 500, message = "pipeline.index.max-page-size must be at most 500")
  private int maxPageSize = 50;

  /** Deepest hit reachable by page/size (default 10000, Elasticsearch's max_result_window); deeper needs the cursor. */
  @Min(value = 10, message = "pipeline.index.max-result-window must be at least 10")
  private int maxResultWindow = 10_000;

  public String getElasticsearchUrl() {
    return elasticsearchUrl;
  }

  public void setElasticsearchUrl(String elasticsearchUrl) {
    this.elasticsearchUrl = elasticsearchUrl;
  }

  public String getSchemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public void setSchemaRegistryUrl(String schemaRegistryUrl) {
    this.schemaRegistryUrl = schemaRegistryUrl;
  }


  public String getReadAlias() {
    return readAlias;
  }

  public void setReadAlias(String readAlias) {
    this.readAlias = readAlias;
  }

  public String getWriteAlias() {
    return writeAlias;
  }

  public void setWriteAlias(String writeAlias) {
    this.writeAlias = writeAlias;
  }

  public String getIndexPrefix() {
    return indexPrefix;
  }

  public void setIndexPrefix(String indexPrefix) {
    this.indexPrefix = indexPrefix;
  }

  public String getTemplateName() {
    return templateName;
  }

  public void setTemplateName(String templateName) {
    this.templateName = templateName;
  }

  public int getShards() {
    return shards;
  }

  public void setShards(int shards) {
    this.shards = shards;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  public int getBulkMaxAttempts() {
    return bulkMaxAttempts;
  }

  public void setBulkMaxAttempts(int bulkMaxAttempts) {
    this.bulkMaxAttempts = bulkMaxAttempts;
  }

  public double getMinOrganizationConfidence() {
    return minOrganizationConfidence;
  }

  public void setMinOrganizationConfidence(double minOrganizationConfidence) {
    this.minOrganizationConfidence = minOrganizationConfidence;
  }

  public int getBulkMaxActions() {
    return bulkMaxActions;
  }

  public void setBulkMaxActions(int bulkMaxActions) {
    this.bulkMaxActions = bulkMaxActions;
  }

  public DataSize getBulkMaxSize() {
    return bulkMaxSize;
  }

  public void setBulkMaxSize(DataSize bulkMaxSize) {
    this.bulkMaxSize = bulkMaxSize;
  }

  /** How a consumed batch is cut into bulk requests, and how many are in flight. */
  public BulkLimits bulkLimits() {
    return new BulkLimits(bulkMaxActions, Math.max(1, bulkMaxSize.toBytes()),
        bulkParallelism);
  }

  public int getBulkParallelism() {
    return bulkParallelism;
  }

  public void setBulkParallelism(int bulkParallelism) {
    this.bulkParallelism = bulkParallelism;
  }

  public Duration getBulkInitialBackoff() {
    return bulkInitialBackoff;
  }

  public void setBulkInitialBackoff(Duration bulkInitialBackoff) {
    this.bulkInitialBackoff = bulkInitialBackoff;
  }

  public Duration getBulkMaxBackoff() {
    return bulkMaxBackoff;
  }

  public void setBulkMaxBackoff(Duration bulkMaxBackoff) {
    this.bulkMaxBackoff = bulkMaxBackoff;
  }

  public Duration getBatchMaxBackoff() {
    return batchMaxBackoff;
  }

  public void setBatchMaxBackoff(Duration batchMaxBackoff) {
    this.batchMaxBackoff = batchMaxBackoff;
  }

  public MalformedDocumentPolicy getBehaviorOnMalformedDocuments() {
    return behaviorOnMalformedDocuments;
  }

  public void setBehaviorOnMalformedDocuments(MalformedDocumentPolicy behaviorOnMalformedDocuments) {
    this.behaviorOnMalformedDocuments = behaviorOnMalformedDocuments;
  }

  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public void setDeadLetterTopic(String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
  }

  public int getMaxQueryChars() {
    return maxQueryChars;
  }

  public void setMaxQueryChars(int maxQueryChars) {
    this.maxQueryChars = maxQueryChars;
  }

  public int getDefaultPageSize() {
    return defaultPageSize;
  }

  public void setDefaultPageSize(int defaultPageSize) {
    this.defaultPageSize = defaultPageSize;
  }

  public int getMaxPageSize() {
    return maxPageSize;
  }

  public void setMaxPageSize(int maxPageSize) {
    this.maxPageSize = maxPageSize;
  }

  public int getMaxResultWindow() {
    return maxResultWindow;
  }

  public void setMaxResultWindow(int maxResultWindow) {
    this.maxResultWindow = maxResultWindow;
  }
}
