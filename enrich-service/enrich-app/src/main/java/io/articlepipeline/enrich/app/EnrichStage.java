package io.articlepipeline.enrich.app;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One step of the enrich stage on one record: decode, enrich, map. Decoding happens here rather
 * than in the consumer so that a record that is not valid Avro reaches the dead-letter topic as
 * the exact bytes that were read. Plain Java.
 */
public final class EnrichStage {

  private final Deserializer<?> deserializer;
  private final ArticleEnricher enricher;
  private final Clock clock;

  public EnrichStage(Deserializer<?> deserializer, ArticleEnricher enricher, Clock clock) {
    this.deserializer = deserializer;
    this.enricher = enricher;
    this.clock = clock;
  }

  /** Decodes the bytes read from {@code topic}; null for a tombstone. */
  public ArticleSubmitted decode(String topic, byte[] value) {
    if (value == null) {
      return null;
    }
    Object decoded = deserializer.deserialize(topic, value);
    if (decoded instanceof ArticleSubmitted article) {
      return article;
    }
    throw new SerializationException("Expected an ArticleSubmitted on " + topic + " but read "
        + (decoded == null ? "null" : decoded.getClass().getName()));
  }

  /** Enriches one article. */
  public ArticleEnriched enrich(ArticleSubmitted article) {
    long started = System.nanoTime();
    Enrichment enrichment = enricher.enrich(new EnrichmentRequest(article.getTitle(), article.getBody(),
        article.getLanguage()));
    long micros = (System.nanoTime() - started) / 1_000;
    return EnrichedArticleMapper.map(article, enrichment, Instant.now(clock), micros);
  }
}
