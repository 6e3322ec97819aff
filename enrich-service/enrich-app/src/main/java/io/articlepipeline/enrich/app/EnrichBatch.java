package io.articlepipeline.enrich.app;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.support.deadletter.DeadLetter;
import io.articlepipeline.support.deadletter.DeadLetterPublisher;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.BatchMessages.Consumed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage on one consumed batch: decode each record, enrich the articles on all the
 * workers at once, then write the results in the order they were read (so one article's events
 * stay in order) and return only once the broker acknowledged every one of them and every dead
 * letter: the listener container commits the batch's offsets after this returns, never before
 * its output is durable. Plain Java.
 *
 * <p>A record that cannot be decoded, or whose article the enricher fails on {@code maxAttempts}
 * times, goes to the dead-letter topic as the exact bytes that were read, and the batch goes on. A
 * write the broker does not acknowledge fails the whole batch, which the container then delivers
 * again: the articles already written are written once more, which the index stage's versioning
 * makes harmless.
 */
public final class EnrichBatch {

  /** The stage its dead letters name. */
  static final String STAGE = "enrich";
  private static final Logger log = LoggerFactory.getLogger(EnrichBatch.class);

  /**
   * What one batch did.
   *
   * @param skipped records {@link #write} was told to leave out (a reprocess: the live stage holds a newer record of the article)
   */
  public record Report(int enriched, int tombstones, int deadLettered, int skipped) {
  }

  /** Told how long each enrichment took (a timer). */
  public interface Listener {
    Listener NONE = nanos -> { };

    void enriched(long nanos);
  }

  /** A write the broker did not acknowledge: the batch is not done and must be delivered again. */
  public static final class WriteFailedException extends RuntimeException {
    WriteFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final EnrichStage stage;
  private final Producer<String, byte[]> producer;
  private final String outputTopic;
  private final DeadLetterPublisher deadLetters;
  private final Executor workers;
  private final int maxAttempts;
  private final long ackTimeoutMillis;
  private final Listener listener;

  public EnrichBatch(EnrichStage stage, Producer<String, byte[]> producer, String outputTopic,
      DeadLetterPublisher deadLetters, Executor workers, int maxAttempts, long ackTimeoutMillis, Listener listener) {
    this.stage = stage;
    this.producer = producer;
    this.outputTopic = outputTopic;
    this.deadLetters = deadLetters;
    this.workers = workers;
    this.maxAttempts = maxAttempts;
    this.ackTimeoutMillis = ackTimeoutMillis;
    this.listener = listener;
  }

  /** The same stage enriching on other workers (a reprocess: {@link EnrichWorkers#background()}). */
  public EnrichBatch on(Executor otherWorkers) {
    return new EnrichBatch(stage, producer, outputTopic, deadLetters, otherWorkers, maxAttempts, ackTimeoutMillis,
        listener);
  }

  /** One record on its way through: decoded, being enriched, or already a dead letter. */
  private static final class Item {
    final Consumed record;
    ArticleSubmitted article;
    CompletableFuture<ArticleEnriched> enriched;
    DeadLetter deadLetter;

    Item(Consumed record) {
      this.record = record;
    }
  }

  /** Processes the batch; returns once every output and dead letter is acknowledged. */
  public Report process(List<Consumed> records) {
    return write(prepare(records), key -> true);
  }

  /**
   * A batch decoded, its articles being enriched on the workers, nothing written yet. {@link #await}
   * waits until every enrichment has finished (a reprocess enriches before it holds the live stage).
   */
  public static final class Prepared {
    private final List<Item> items;

    private Prepared(List<Item> items) {
      this.items = items;
    }

    public int size() {
      return items.size();
    }

    /** Returns once every article of the batch is enriched (or failed). */
    public void await() {
      for (Item item : items) {
        if (item.enriched != null) {
          try {
            item.enriched.join();
          } catch (CompletionException e) {
            // written as a dead letter by write
          }
        }
      }
    }
  }

  /** Decodes the records and starts enriching their articles on the workers. */
  public Prepared prepare(List<Consumed> records) {
    List<Item> items = new ArrayList<>(records.size());
    for (Consumed record : records) {
      Item item = new Item(record);
      items.add(item);
      byte[] value = record.payload() instanceof byte[] bytes ? bytes : null;
      try {
        item.article = stage.decode(record.source().topic(), value);
      } catch (RuntimeException e) {
        item.deadLetter = deadLetter(record.source(), value, e);
        continue;
      }
      if (item.article != null) {
        ArticleSubmitted article = item.article;
        item.enriched = CompletableFuture.supplyAsync(() -> enrich(article), workers);
      }
    }
    return new Prepared(items);
  }

  /**
   * Writes the prepared batch in the order it was read, but only the records whose key
   * {@code keep} accepts (the others are neither written nor dead-lettered); returns once every
   * output and dead letter is acknowledged.
   */
  public Report write(Prepared prepared, Predicate<String> keep) {
    List<Item> items = prepared.items;
    List<Future<RecordMetadata>> writes = new ArrayList<>(items.size());
    List<DeadLetter> letters = new ArrayList<>();
    int enriched = 0;
    int tombstones = 0;
    int skipped = 0;
    for (Item item : items) {
      SourceRecord source = item.record.source();
      if (!keep.test(source.key())) {
        skipped++;
        continue;
      }
      if (item.deadLetter == null && item.article == null) {
        writes.add(send(source.key(), null));
        tombstones++;
        continue;
      }
      if (item.deadLetter == null) {
        try {
          byte[] value = stage.encode(outputTopic, join(item.enriched));
          writes.add(send(item.article.getId(), value));
          enriched++;
          continue;
        } catch (RuntimeException e) {
          item.deadLetter = deadLetter(source, item.record.payload() instanceof byte[] b ? b : null, e);
        }
      }
      log.warn("Dead-lettering {}: {}", source, item.deadLetter.headers().isEmpty() ? "" : reason(item.deadLetter));
      letters.add(item.deadLetter);
    }
    if (!writes.isEmpty()) {
      awaitAll(writes, items);
    }
    if (!letters.isEmpty()) {
      deadLetters.publish(letters);
    }
    return new Report(enriched, tombstones, letters.size(), skipped);
  }

  private ArticleEnriched enrich(ArticleSubmitted article) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      long started = System.nanoTime();
      try {
        ArticleEnriched result = stage.enrich(article);
        listener.enriched(System.nanoTime() - started);
        return result;
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  private static ArticleEnriched join(CompletableFuture<ArticleEnriched> enriched) {
    try {
      return enriched.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private Future<RecordMetadata> send(String key, byte[] value) {
    try {
      return producer.send(new ProducerRecord<>(outputTopic, key, value));
    } catch (RuntimeException e) {
      throw new WriteFailedException("Could not write to " + outputTopic + ": " + e, e);
    }
  }

  private void awaitAll(List<Future<RecordMetadata>> writes, List<Item> items) {
    for (Future<RecordMetadata> write : writes) {
      try {
        write.get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new WriteFailedException("Kafka did not acknowledge a write to " + outputTopic + " for the batch "
            + items.get(0).record.source() + " .. " + items.get(items.size() - 1).record.source()
            + "; it is not committed and will be delivered again: " + (e.getCause() != null ? e.getCause() : e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WriteFailedException("Interrupted while waiting for Kafka to acknowledge " + outputTopic, e);
      }
    }
  }

  /** The record as it was read, and why it cannot be enriched. */
  private static DeadLetter deadLetter(SourceRecord source, byte[] value, RuntimeException e) {
    Throwable reason = e instanceof SerializationException || e.getCause() == null ? e : e.getCause();
    return DeadLetter.of(STAGE, source, value, reason.getClass().getName(), String.valueOf(reason.getMessage()));
  }

  private static String reason(DeadLetter letter) {
    byte[] fqcn = letter.headers().get(io.articlepipeline.schemas.DeadLetterHeaders.EXCEPTION_FQCN);
    return fqcn == null ? "" : new String(fqcn, java.nio.charset.StandardCharsets.UTF_8);
  }
}
