package io.articlepipeline.enrich.app.reprocess;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a reprocess covers, fixed when it starts: per partition of the input topic, from the first
 * record written at or after {@code since} (the log start without one) up to the live stage's
 * committed offset at the start ({@code upTo}, exclusive). Everything from {@code upTo} on is the
 * live stage's. Kept as the commit metadata of the reprocess's own consumer group, so that a
 * restarted service goes on with the same plan.
 *
 * @param since the reprocess's {@code since}, null for all
 * @param startedAt when it was planned
 * @param from first offset per partition
 * @param upTo end offset (exclusive) per partition
 */
record ReprocessPlan(Instant since, Instant startedAt, Map<Integer, Long> from, Map<Integer, Long> upTo) {

  private static final String PREFIX = "reprocess/1 ";

  ReprocessPlan {
    from = Map.copyOf(from);
    upTo = Map.copyOf(upTo);
  }

  /** Records the plan covers (some of them are earlier revisions of an article, or retractions). */
  long records() {
    return upTo.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - from.getOrDefault(e.getKey(), 0L))).sum();
  }

  /** As commit metadata (Kafka keeps up to 4,096 bytes by default: some 200 partitions). */
  String metadata() {
    return PREFIX + "startedAt=" + startedAt.toEpochMilli() + " since=" + (since == null ? "-" : since.toEpochMilli())
        + " from=" + offsets(from) + " upTo=" + offsets(upTo);
  }

  private static String offsets(Map<Integer, Long> offsets) {
    return new TreeMap<>(offsets).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** The plan in commit metadata, or null when the metadata is not one (empty, another writer's). */
  static ReprocessPlan parse(String metadata) {
    if (metadata == null || !metadata.startsWith(PREFIX)) {
      return null;
    }
    try {
      Map<String, String> fields = new TreeMap<>();
      for (String part : metadata.substring(PREFIX.length()).trim().split(" ")) {
        int eq = part.indexOf('=');
        fields.put(part.substring(0, eq), part.substring(eq + 1));
      }
      String since = fields.get("since");
      return new ReprocessPlan("-".equals(since) ? null : Instant.ofEpochMilli(Long.parseLong(since)),
          Instant.ofEpochMilli(Long.parseLong(fields.get("startedAt"))), parseOffsets(fields.get("from")),
          parseOffsets(fields.get("upTo")));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Map<Integer, Long> parseOffsets(String text) {
    Map<Integer, Long> offsets = new TreeMap<>();
    if (text == null) {
      throw new IllegalArgumentException("no offsets");
    }
    for (String pair : text.split(",")) {
      if (!pair.isEmpty()) {
        int colon = pair.indexOf(':');
        offsets.put(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
      }
    }
    return offsets;
  }
}
