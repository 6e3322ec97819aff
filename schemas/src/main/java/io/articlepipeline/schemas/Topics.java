package io.articlepipeline.schemas;

import java.util.List;

/** The pipeline's topic names: one typed place that services and tests share. */
public final class Topics {

  /** Articles accepted by ingest; read by enrich. */
  public static final String SUBMITTED = "articles.submitted";
  /** Enriched articles; read by index. */
  public static final String ENRICHED = "articles.enriched";
  /** Records of {@link #SUBMITTED} the enrich stage could not process. */
  public static final String SUBMITTED_DLQ = SUBMITTED + ".dlq";
  /** Records of {@link #ENRICHED} the index stage could not process. */
  public static final String ENRICHED_DLQ = ENRICHED + ".dlq";

  /**
   * Largest record the pipeline writes (bytes): ingest takes bodies of up to 2 MiB, and the
   * enriched record carries the body, its cleaned copy and its tokens, about three times that.
   * Every producer sets {@code max.request.size} to it and the broker's {@code message.max.bytes}
   * must allow it (local-stack and docker-compose.yml set both; Kafka's default is 1 MiB).
   */
  public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** Every topic of the pipeline, in flow order. */
  public static final List<String> ALL = List.of(SUBMITTED, ENRICHED, SUBMITTED_DLQ, ENRICHED_DLQ);

  private Topics() {
  }

  /** The dead-letter topic of a source topic. */
  public static String deadLetterTopic(String topic) {
    return topic + ".dlq";
  }
}
