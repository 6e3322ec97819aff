package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.core.PageFields;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.support.deadletter.DeadLetter;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.BatchMessages.Consumed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One consumed batch through the stage: order kept, bad records set aside, nothing done until acknowledged. */
class EnrichBatchTest {

  /** The body of each test article names how long its enrichment takes (ms) or that it fails. */
  private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
  private final ArticleEnricher enricher = new FixedEnricher(request -> {
    tries.computeIfAbsent(request.title(), t -> new AtomicInteger()).incrementAndGet();
    if (request.body().equals("fails")) {
      throw new IllegalStateException("the enricher cannot read this article");
    }
    if (request.body().equals("overflows")) {
      throw new StackOverflowError();
    }
    try {
      Thread.sleep(Long.parseLong(request.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Enrichment(List.of(), List.of(), new PageFields(null, null, null, null), request.body(), List.of(),
        List.of(), "zh", "test/1");
  });

  /** Values are the article's id in UTF-8 ("bad…" is not an article); outputs are the id again. */
  private final EnrichStage stage = new EnrichStage(
      (topic, bytes) -> {
        String id = new String(bytes, StandardCharsets.UTF_8);
        if (id.startsWith("bad")) {
          throw new SerializationException("Unknown magic byte");
        }
        return ArticleSubmitted.newBuilder().setId(id).setRevision(1).setTitle(id).setBody(body(id))
            .setSubmittedAt(Instant.EPOCH).build();
      },
      (topic, enriched) -> ((io.articlepipeline.schemas.avro.ArticleEnriched) enriched).getId()
          .getBytes(StandardCharsets.UTF_8),
      enricher, Clock.systemUTC());

  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  private static String body(String id) {
    return id.startsWith("slow") ? "150" : id.startsWith("broken") ? "fails" : id.startsWith("deep") ? "overflows" : "0";
  }

  private EnrichBatch batch(MockProducer<String, byte[]> producer) {
    return new EnrichBatch(stage, producer, "articles.enriched", deadLetters::addAll, workers, 3, 5_000,
        EnrichBatch.Listener.NONE);
  }

  private static List<Consumed> records(String... ids) {
    List<Consumed> records = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      byte[] value = ids[i] == null ? null : ids[i].getBytes(StandardCharsets.UTF_8);
      records.add(new Consumed(new SourceRecord("articles.submitted", 0, i, ids[i] == null ? "gone" : ids[i], 0L),
          value, null, null));
    }
    return records;
  }

  @Test
  void writesInTheOrderReadThoughALaterArticleIsEnrichedFirst() {
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
        new ByteArraySerializer());

    EnrichBatch.Report report = batch(producer).process(records("slow-1", "quick-2", null, "quick-3"));

    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("slow-1", "quick-2", "gone", "quick-3");
    assertThat(producer.history().get(2).value()).isNull();
    assertThat(report).isEqualTo(new EnrichBatch.Report(3, 1, 0, 0));
  }

  @Test
  void aRecordThatIsNotAnArticleAndOneTheEnricherFailsOnAreDeadLetteredAsReadAndTheRestGoesOn() {
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
        new ByteArraySerializer());

    EnrichBatch.Report report = batch(producer).process(records("bad-1", "quick-2", "broken-3"));

    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("quick-2");
    assertThat(deadLetters).extracting(d -> new String(d.value(), StandardCharsets.UTF_8))
        .containsExactly("bad-1", "broken-3");
    assertThat(deadLetters).extracting(d -> d.source().offset()).containsExactly(0L, 2L);
    assertThat(new String(deadLetters.get(1).headers().get("x-exception-message"), StandardCharsets.UTF_8))
        .isEqualTo("the enricher cannot read this article");
    assertThat(tries.get("broken-3")).as("tried maxAttempts times").hasValue(3);
    assertThat(report.deadLettered()).isEqualTo(2);
  }

  @Test
  void anArticleTheEnricherThrowsAnErrorOnIsDeadLetteredAndTheRestGoesOn() {
    // an Error, not an exception (a page that overflowed a regular expression's stack): the
    // worker survives, the record is dead-lettered as read with the error's name, the batch goes on
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
        new ByteArraySerializer());

    EnrichBatch.Report report = batch(producer).process(records("deep-1", "quick-2"));

    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("quick-2");
    assertThat(deadLetters).extracting(d -> new String(d.value(), StandardCharsets.UTF_8)).containsExactly("deep-1");
    assertThat(new String(deadLetters.get(0).headers().get("x-exception-fqcn"), StandardCharsets.UTF_8))
        .isEqualTo("java.lang.StackOverflowError");
    assertThat(report).isEqualTo(new EnrichBatch.Report(1, 0, 1, 0));
  }

  @Test
  void aWriteTheBrokerDoesNotAcknowledgeFailsTheBatchSoItIsDeliveredAgain() throws Exception {
    MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
        new ByteArraySerializer());
    Thread broker = new Thread(() -> {
      while (producer.history().size() < 2) {
        Thread.onSpinWait();
      }
      producer.completeNext();
      producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
    });
    broker.start();

    assertThatThrownBy(() -> batch(producer).process(records("quick-1", "bad-2", "quick-3")))
        .isInstanceOf(EnrichBatch.WriteFailedException.class)
        .hasMessageContaining("not committed and will be delivered again");
    broker.join();
    assertThat(deadLetters).as("nothing of a failed batch is dead-lettered: it all comes again").isEmpty();
  }
}
