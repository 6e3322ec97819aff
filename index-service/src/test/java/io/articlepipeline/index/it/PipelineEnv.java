package io.articlepipeline.index.it;

import org.junit.jupiter.api.Assumptions;

/**
 * The running pipeline for whole-pipeline tests: INDEX_URL (index-service), INGEST_URL
 * (ingest-service) and SUBMIT_TOKEN, as {@code ./pipeline test} provides them. Tests needing them
 * are skipped, saying so, when they are not set.
 */
public final class PipelineEnv {

  private PipelineEnv() {
  }

  public static String indexUrl() {
    return trim(require("INDEX_URL"));
  }

  public static String ingestUrl() {
    return trim(require("INGEST_URL"));
  }

  public static String submitToken() {
    return require("SUBMIT_TOKEN");
  }

  private static String require(String name) {
    String v = System.getenv(name);
    Assumptions.assumeTrue(v != null && !v.isBlank(),
        name + " is not set: whole-pipeline tests need INDEX_URL, INGEST_URL and SUBMIT_TOKEN (./pipeline test sets them)");
    return v;
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
