package io.articlepipeline.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest service, prefix {@code pipeline.ingest}. The articles' value serializer,
 * {@code value-serializer} with {@code serializer-config}, is read by service-support's
 * {@link io.articlepipeline.support.kafka.SerdeProperties}, as every stage's is.
 */
@Validated
@ConfigurationProperties("pipeline.ingest")
public class IngestProperties {

  /** Largest request body accepted, in bytes (default 2 MiB); larger gets 413. */
  @Min(value = 1024, message = "pipeline.ingest.max-body-bytes must be at least 1024")
  private int maxBodyBytes = 2 * 1024 * 1024;

  /** Most articles one batch request may hold (default 1,000); more gets 413 and nothing is accepted. */
  @Min(value = 1, message = "pipeline.ingest.batch-max-articles must be at least 1")
  private int batchMaxArticles = 1000;

  /** Largest batch request body, in bytes (default 16 MiB); larger gets 413 and nothing is accepted. */
  @Min(value = 1024, message = "pipeline.ingest.batch-max-bytes must be at least 1024")
  private int batchMaxBytes = 16 * 1024 * 1024;

  /** The topic accepted articles are written to (default articles.submitted). */
  @NotBlank(message = "pipeline.ingest.topic must be set")
  private String topic = io.articlepipeline.schemas.Topics.SUBMITTED;

  public int getBatchMaxArticles() {
    return batchMaxArticles;
  }

  public void setBatchMaxArticles(int batchMaxArticles) {
    this.batchMaxArticles = batchMaxArticles;
  }

  public int getBatchMaxBytes() {
    return batchMaxBytes;
  }

  public void setBatchMaxBytes(int batchMaxBytes) {
    this.batchMaxBytes = batchMaxBytes;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  /** Longest title accepted, in characters (default 500). */
  @Min(value = 10, message = "pipeline.ingest.max-title-chars must be at least 10")
  private int maxTitleChars = 500;

  /**
   * The index service's base URL as submitters reach it (scripts and the submit page's browser):
   * every accepted article's {@code statusUrl} (and a 202's {@code Location}) points there, at
   * {@code /api/articles/{id}/status?revision=R}.
   */
  @NotBlank(message = "pipeline.ingest.status-url must be set (the index service as clients reach it, e.g. http://127.0.0.1:8083)")
  @jakarta.validation.constraints.Pattern(regexp = "https?://.+", message = "pipeline.ingest.status-url must start with http:// or https://")
  private String statusUrl = "http://127.0.0.1:8083";

  /** The reader page's base URL as a browser reaches it: the submit page links accepted articles there. */
  private String readerUrl = "";

  public String getReaderUrl() {
    return readerUrl;
  }

  public void setReaderUrl(String readerUrl) {
    this.readerUrl = readerUrl;
  }

  public String getStatusUrl() {
    return statusUrl;
  }

  public void setStatusUrl(String statusUrl) {
    this.statusUrl = statusUrl;
  }

  /** Where an accepted revision's status is polled (the index service). */
  public String statusUrlOf(String id, long revision) {
    String base = statusUrl.endsWith("/") ? statusUrl.substring(0, statusUrl.length() - 1) : statusUrl;
    return base + "/api/articles/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20") + "/status?revision=" + revision;
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
