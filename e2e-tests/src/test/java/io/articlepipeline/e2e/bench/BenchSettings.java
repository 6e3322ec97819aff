package io.articlepipeline.e2e.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the load benchmark runs against and how big its phases are, all from the environment
 * {@code ./pipeline bench load} sets (see the script's usage comment).
 *
 * @param warmUp       BENCH_WARMUP: articles sent by batch before the measured phases (20,000), so
 *                     the services' hot code is compiled (JIT) before anything is timed
 * @param single       BENCH_SINGLE: articles of the single-POST phase (5,000)
 * @param batch        BENCH_BATCH: articles of the batch phase (20,000)
 * @param stage        BENCH_STAGE: articles of the stage-rate phase (5,000)
 * @param rate         BENCH_RATE: articles/s offered in the freshness phase (200)
 * @param seconds      BENCH_SECONDS: how long the freshness phase offers them (30)
 * @param concurrency  BENCH_CONCURRENCY: clients of the single-POST phase and the cleanup (16)
 * @param pids         process ids by name (ingest, enrich, index, ops, elasticsearch, kafka), those given
 */
record BenchSettings(int warmUp, int single, int batch, int stage, int rate, int seconds, int concurrency,
                     String ingestUrl, String enrichUrl, String indexUrl, String opsUrl,
                     String elasticsearchUrl, String submitToken, String kafka, String registry,
                     Map<String, Long> pids) {

  /** Articles per batch request and requests in flight (the batch API takes up to 1,000). */
  static final int BATCH_SIZE = 500;
  static final int BATCH_IN_FLIGHT = 4;
  /** The services sampled for RSS and heap, in the order the report lists them. */
  static final String[] SERVICES = {"ingest", "enrich", "index", "ops"};
  static final String[] STACK = {"elasticsearch", "kafka"};

  static BenchSettings fromEnv() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String name : new String[] {"ingest", "enrich", "index", "ops", "elasticsearch", "kafka"}) {
      String value = System.getenv(name.toUpperCase() + "_PID");
      if (name.equals("elasticsearch")) {
        value = System.getenv("ES_PID");
      }
      if (value != null && value.matches("\\d+")) {
        pids.put(name, Long.parseLong(value));
      }
    }
    return new BenchSettings(intEnv("BENCH_WARMUP", 20000), intEnv("BENCH_SINGLE", 5000), intEnv("BENCH_BATCH", 20000),
        intEnv("BENCH_STAGE", 5000), intEnv("BENCH_RATE", 200), intEnv("BENCH_SECONDS", 30),
        intEnv("BENCH_CONCURRENCY", 16),
        required("INGEST_URL"), System.getenv("ENRICH_URL"), required("INDEX_URL"), System.getenv("OPS_URL"),
        required("ELASTICSEARCH_URL"), required("SUBMIT_TOKEN"), required("KAFKA_BOOTSTRAP_SERVERS"),
        required("SCHEMA_REGISTRY_URL"), pids);
  }

  OptionalLong pid(String name) {
    Long pid = pids.get(name);
    return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
  }

  /** The actuator base URL of a service, or null if not given. */
  String serviceUrl(String name) {
    return switch (name) {
      case "ingest" -> ingestUrl;
      case "enrich" -> enrichUrl;
      case "index" -> indexUrl;
      case "ops" -> opsUrl;
      default -> null;
    };
  }

  private static int intEnv(String name, int fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed = Integer.parseInt(value.strip());
    if (parsed < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return parsed;
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set; run through ./pipeline bench load");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
