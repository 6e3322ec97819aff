package io.articlepipeline.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the running pipeline is. {@code ./pipeline test} starts the stack and the services and
 * exports these variables; running this module on its own needs the same (see README).
 */
final class Endpoints {

  static final String INGEST = required("INGEST_URL");
  static final String INDEX = required("INDEX_URL");
  static final String OPS = required("OPS_URL");
  static final String ENRICH = required("ENRICH_URL");
  static final String REGISTRY = required("SCHEMA_REGISTRY_URL");
  static final String KAFKA = required("KAFKA_BOOTSTRAP_SERVERS");
  static final String SUBMIT_TOKEN = required("SUBMIT_TOKEN");
  static final String OPS_TOKEN = required("OPS_TOKEN");

  private Endpoints() {
  }

  /** SAMPLES_DIR, or the repository's samples/ (Maven runs the tests in the module's directory). */
  static Path samples() {
    return Path.of(System.getenv().getOrDefault("SAMPLES_DIR", "../samples"));
  }

  static Path sample() {
    Path sample = samples().resolve("000_7abadb2f983fa813.txt");
    if (!Files.exists(sample)) {
      throw new IllegalStateException("Sample page not found at " + sample.toAbsolutePath()
          + "; set SAMPLES_DIR to a directory holding 000_7abadb2f983fa813.txt (the repository's samples/)");
    }
    return sample;
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run these tests through ./pipeline test, "
          + "which starts the stack and the services and sets it");
    }
    return value;
  }
}
