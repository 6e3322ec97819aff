package io.articlepipeline.support.deadletter;

/** Where a record came from: what logs and dead letters name, never its contents. */
public record SourceRecord(String topic, int partition, long offset, String key, long timestamp) {

  @Override
  public String toString() {
    return "topic=" + topic + " partition=" + partition + " offset=" + offset;
  }
}
