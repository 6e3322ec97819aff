package io.articlepipeline.ops.health;

import java.util.Map;

/**
 * The outcome of checking one component.
 *
 * @param name component name (ingest, enrich, index, kafka, registry, elasticsearch)
 * @param kind service or infrastructure
 * @param url where it was checked
 * @param status UP, DOWN, OUT_OF_SERVICE or UNKNOWN
 * @param millis how long the check took
 * @param details what the component said, or why it could not be reached
 */
public record Probe(String name, String kind, String url, String status, long millis,
    Map<String, Object> details) {

  public static final String UP = "UP";
  public static final String DOWN = "DOWN";

  public boolean up() {
    return UP.equals(status);
  }
}
