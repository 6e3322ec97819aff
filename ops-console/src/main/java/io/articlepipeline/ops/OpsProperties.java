package io.articlepipeline.ops;

import io.articlepipeline.schemas.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the ops console, prefix {@code pipeline.ops}. */
@Validated
@ConfigurationProperties("pipeline.ops")
public class OpsProperties {

  /** Topics to report, in pipeline order; default every pipeline topic (Topics.ALL). */
  @NotEmpty(message = "pipeline.ops.topics must name at least one topic")
  private List<String> topics = new ArrayList<>(Topics.ALL);

  /** Consumer group to the topic it reads; reported even before the group exists. Default enrich and index. */
  private Map<String, String> groups = new LinkedHashMap<>(Map.of(
      "enrich", Topics.SUBMITTED, "index", Topics.ENRICHED));

  /** Service name to the base URL whose /actuator/health is polled; default ingest 8080, enrich 8082, index 8083. */
  private Map<String, URI> services = new LinkedHashMap<>(Map.of(
      "ingest", URI.create("http://127.0.0.1:8080"),
      "enrich", URI.create("http://127.0.0.1:8082"),
      "index", URI.create("http://127.0.0.1:8083")));

  /** Kafka settings. */
  @Valid
  private final Kafka kafka = new Kafka();

  /** Schema registry settings. */
  @Valid
  private final Registry registry = new Registry();

  /** Elasticsearch settings. */
  @Valid
  private final Elasticsearch elasticsearch = new Elasticsearch();

  /** Throughput and lag-trend sampling. */
  @Valid
  private final Sampling sampling = new Sampling();

  /** Dead-letter browsing and replay. */
  @Valid
  private final DeadLetters deadLetters = new DeadLetters();

  /** Reprocessing (the enrich service's, started and followed from here). */
  @Valid
  private final Reprocess reprocess = new Reprocess();

  /** Timeout of each health probe of a service, the registry or Elasticsearch; default 2s. */
  @NotNull(message = "pipeline.ops.health-timeout must be set")
  private Duration healthTimeout = Duration.ofSeconds(2);

  public List<String> getTopics() {
    return topics;
  }

  public void setTopics(List<String> topics) {
    this.topics = topics;
  }

  public Map<String, String> getGroups() {
    return groups;
  }

  public void setGroups(Map<String, String> groups) {
    this.groups = groups;
  }

  public Map<String, URI> getServices() {
    return services;
  }

  public void setServices(Map<String, URI> services) {
    this.services = services;
  }

  public Kafka getKafka() {
    return kafka;
  }

  public Registry getRegistry() {
    return registry;
  }

  public Elasticsearch getElasticsearch() {
    return elasticsearch;
  }

  public Sampling getSampling() {
    return sampling;
  }

  public DeadLetters getDeadLetters() {
    return deadLetters;
  }

  public Reprocess getReprocess() {
    return reprocess;
  }

  public Duration getHealthTimeout() {
    return healthTimeout;
  }

  public void setHealthTimeout(Duration healthTimeout) {
    this.healthTimeout = healthTimeout;
  }

  /**
   * Kafka calls, prefix {@code pipeline.ops.kafka}. The connection (brokers, client settings) is
   * the pipeline's shared one (service-support's KafkaClientSettings; env KAFKA_BOOTSTRAP_SERVERS).
   */
  public static class Kafka {

    /** Longest wait for one Admin API answer; default 5s. */
    @NotNull(message = "pipeline.ops.kafka.timeout must be set")
    private Duration timeout = Duration.ofSeconds(5);

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** Schema registry, prefix {@code pipeline.ops.registry}. */
  public static class Registry {

    /** Base URL of the Confluent-compatible API; default http://127.0.0.1:8081/apis/ccompat/v7 (env SCHEMA_REGISTRY_URL). */
    @NotNull(message = "pipeline.ops.registry.url must be set")
    private URI url = URI.create("http://127.0.0.1:8081/apis/ccompat/v7");

    public URI getUrl() {
      return url;
    }

    public void setUrl(URI url) {
      this.url = url;
    }
  }

  /** Elasticsearch, prefix {@code pipeline.ops.elasticsearch}. */
  public static class Elasticsearch {

    /** Base URL; default http://127.0.0.1:9200 (env ELASTICSEARCH_URL). */
    @NotNull(message = "pipeline.ops.elasticsearch.url must be set")
    private URI url = URI.create("http://127.0.0.1:9200");

    public URI getUrl() {
      return url;
    }

    public void setUrl(URI url) {
      this.url = url;
    }
  }

  /** Sampling of end offsets and lag, prefix {@code pipeline.ops.sampling}. */
  public static class Sampling {

    /** Time between two samples; default 5s. */
    @NotNull(message = "pipeline.ops.sampling.interval must be set")
    private Duration interval = Duration.ofSeconds(5);

    /** Window over which messages per second are computed; default 1m. */
    @NotNull(message = "pipeline.ops.sampling.rate-window must be set")
    private Duration rateWindow = Duration.ofMinutes(1);

    /** How much lag history is kept for the trend; default 15m. */
    @NotNull(message = "pipeline.ops.sampling.trend-window must be set")
    private Duration trendWindow = Duration.ofMinutes(15);

    /**
     * A file that keeps the samples, so the trend and the throughput survive a restart; empty
     * (the default) keeps them in memory only. ./pipeline sets it to .pipeline/ops/samples.jsonl.
     */
    private String historyFile;

    public String getHistoryFile() {
      return historyFile;
    }

    public void setHistoryFile(String historyFile) {
      this.historyFile = historyFile;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    public Duration getRateWindow() {
      return rateWindow;
    }

    public void setRateWindow(Duration rateWindow) {
      this.rateWindow = rateWindow;
    }

    public Duration getTrendWindow() {
      return trendWindow;
    }

    public void setTrendWindow(Duration trendWindow) {
      this.trendWindow = trendWindow;
    }
  }

  /** Dead letters, prefix {@code pipeline.ops.dead-letters}. */
  public static class DeadLetters {

    /** Dead-letter topics to show and replay from; default articles.submitted.dlq and articles.enriched.dlq. */
    @NotEmpty(message = "pipeline.ops.dead-letters.topics must name at least one topic")
    private List<String> topics = new ArrayList<>(List.of(Topics.SUBMITTED_DLQ, Topics.ENRICHED_DLQ));

    /** How many of the newest dead letters per topic are shown; default 20. */
    @Min(value = 1, message = "pipeline.ops.dead-letters.newest must be at least 1")
    private int newest = 20;

    /** Most records one replay call may produce; default 10000. */
    @Min(value = 1, message = "pipeline.ops.dead-letters.max-replay must be at least 1")
    private int maxReplay = 10_000;

    public List<String> getTopics() {
      return topics;
    }

    public void setTopics(List<String> topics) {
      this.topics = topics;
    }

    public int getNewest() {
      return newest;
    }

    public void setNewest(int newest) {
      this.newest = newest;
    }

    public int getMaxReplay() {
      return maxReplay;
    }

    public void setMaxReplay(int maxReplay) {
      this.maxReplay = maxReplay;
    }
  }

  /** Reprocessing, prefix {@code pipeline.ops.reprocess}. */
  public static class Reprocess {

    /** Service (a name in pipeline.ops.services) that reprocesses, called with the ops token; default enrich. */
    @NotBlank(message = "pipeline.ops.reprocess.service must be set")
    private String service = "enrich";

    /** Longest wait for its answer (a start plans the reprocess with a few Kafka calls); default 30s. */
    @NotNull(message = "pipeline.ops.reprocess.timeout must be set")
    private Duration timeout = Duration.ofSeconds(30);

    public String getService() {
      return service;
    }

    public void setService(String service) {
      this.service = service;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
