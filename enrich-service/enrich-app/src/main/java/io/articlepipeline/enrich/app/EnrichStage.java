package io.articlepipeline.enrich.app;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.support.kafka.RecordDecoder;
import io.articlepipeline.retry.Retry;
import io.articlepipeline.serde.SchemaRegistryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of the enrich stage on one record: decode, enrich, map, encode. Decoding happens here
 * rather than in the consumer so that a record that is not valid Avro reaches the dead-letter
 * topic as the exact bytes that were read; encoding happens here rather than in the producer so
 * that it can wait for the registry like decoding does. Plain Java.
 *
 * <p>A record that cannot be decoded goes to the dead-letter topic, but one that cannot be
 * decoded or encoded only because the schema registry is unreachable is a good record: the stage
 * waits for the registry (backing off up to 30 s between tries, for at most {@code registryWait})
 * instead of dead-lettering every article that arrives during an outage. Once a record has waited
 * that long in vain, the ones after it do not wait again until the registry answers: a long
 * outage dead-letters (replayable from the ops console) rather than stalling the consumer for
 * ever. (Not {@link Retry#call}: that counts attempts with random waits; this wait is bounded in
 * time and remembers giving up across records.)
 */
public final class EnrichStage {

  private static final Logger log = LoggerFactory.getLogger(EnrichStage.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final RecordDecoder<ArticleSubmitted> decoder;
  private final Serializer<Object> serializer;
  private final ArticleEnricher enricher;
  private final Clock clock;
  private final Duration registryWait;
  /** How the stage waits between tries (a test passes one that only records). */
  private final Retry.Sleeper pause;
  /** A record waited the whole {@code registryWait} in vain and the registry has not answered since. */
  private volatile boolean gaveUp;

  public EnrichStage(Deserializer<?> deserializer, Serializer<Object> serializer, ArticleEnricher enricher,
      Clock clock) {
    this(deserializer, serializer, enricher, clock, Duration.ZERO, Retry.Sleeper.THREAD);
  }

  public EnrichStage(Deserializer<?> deserializer, Serializer<Object> serializer, ArticleEnricher enricher,
      Clock clock, Duration registryWait, Retry.Sleeper pause) {
    this.decoder = new RecordDecoder<>(deserializer, ArticleSubmitted.class);
    this.serializer = serializer;
    this.enricher = enricher;
    this.clock = clock;
    this.registryWait = registryWait;
    this.pause = pause;
  }

  /** Decodes the bytes read from {@code topic}; null for a tombstone. */
  public ArticleSubmitted decode(String topic, byte[] value) {
    if (value == null) {
      return null;
    }
    return waitingForTheRegistry("decoding", topic, () -> decoder.decode(topic, value));
  }

  /** The enriched article as the bytes to write on {@code topic} (Avro, the registry's schema id). */
  public byte[] encode(String topic, ArticleEnriched article) {
    return waitingForTheRegistry("encoding", topic, () -> serializer.serialize(topic, article));
  }

  /** {@code call}'s result, tried again while it fails only because the registry is unreachable. */
  private <T> T waitingForTheRegistry(String doing, String topic, Supplier<T> call) {
    Duration waited = Duration.ZERO;
    Duration next = FIRST_PAUSE;
    while (true) {
      try {
        T result = call.get();
        gaveUp = false;
        return result;
      } catch (SerializationException e) {
        if (registryWait.isZero() || !SchemaRegistryException.registryUnreachable(e)) {
          throw e;
        }
        if (gaveUp || waited.compareTo(registryWait) >= 0) {
          String how = gaveUp && waited.isZero()
              ? "is still unreachable (an earlier record waited " + registryWait.toSeconds() + " s for it in vain)"
              : "stayed unreachable for " + waited.toSeconds() + " s";
          gaveUp = true;
          throw new SerializationException("The schema registry " + how + ": " + e.getMessage(), e);
        }
        Duration sleep = next.compareTo(registryWait.minus(waited)) < 0 ? next : registryWait.minus(waited);
        log.warn("Schema registry unreachable while {} a record on {}; trying again in {} s (waited {} s of {} s): {}",
            doing, topic, sleep.toSeconds(), waited.toSeconds(), registryWait.toSeconds(), e.getMessage());
        try {
          pause.sleep(sleep);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        waited = waited.plus(sleep);
        next = next.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? next.multipliedBy(2) : MAX_PAUSE;
      }
    }
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
