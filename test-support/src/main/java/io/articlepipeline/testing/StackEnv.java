package io.articlepipeline.testing;

/**
 * Endpoints of the real stack for the stages' integration tests, from the environment (defaults:
 * the local stack that {@code ./pipeline up} starts).
 */
public final class StackEnv {

  private StackEnv() {
  }

  public static String kafka() {
    return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
  }

  public static String registry() {
    return env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
  }

  public static String elasticsearch() {
    return env("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
  }

  public static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
