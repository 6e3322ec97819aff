package io.articlepipeline.ingest.submit;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Publishes to {@code articles.submitted} with one shared producer (acks=all, idempotent: the
 * shared Kafka settings). A call returns once the broker acknowledged, but calls do not queue
 * behind each other: concurrent requests, and the articles of one batch, are sent together and
 * share the producer's batches, so a thousand articles cost a few round trips rather than a
 * thousand.
 */
public class KafkaArticlePublisher implements ArticlePublisher, AutoCloseable {

  private final Producer<String, Object> producer;
  private final String topic;
  /** Longest wait for one acknowledgement; the producer's delivery timeout gives up before it. */
  private final long ackTimeoutMillis;

  public KafkaArticlePublisher(Producer<String, Object> producer, String topic, long ackTimeoutMillis) {
    this.producer = producer;
    this.topic = topic;
    this.ackTimeoutMillis = ackTimeoutMillis;
  }

  @Override
  public void publish(ArticleSubmitted article) {
    PublishException failure = publishAll(List.of(article)).get(0);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public List<PublishException> publishAll(List<ArticleSubmitted> articles) {
    List<Future<RecordMetadata>> sends = new ArrayList<>(articles.size());
    List<PublishException> failures = new ArrayList<>(articles.size());
    for (ArticleSubmitted article : articles) {
      try {
        sends.add(producer.send(new ProducerRecord<>(topic, article.getId(), article)));
        failures.add(null);
      } catch (RuntimeException e) {
        // encoding happens inside send: an unreachable registry or a bad record shows here
        sends.add(null);
        failures.add(classify(article.getId(), e));
      }
    }
    for (int i = 0; i < sends.size(); i++) {
      if (sends.get(i) != null) {
        failures.set(i, await(articles.get(i).getId(), sends.get(i)));
      }
    }
    return failures;
  }

  @Override
  public void retract(String id) {
    PublishException failure;
    try {
      failure = await(id, producer.send(new ProducerRecord<>(topic, id, null)));
    } catch (RuntimeException e) {
      failure = classify(id, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private PublishException await(String id, Future<RecordMetadata> send) {
    try {
      send.get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return classify(id, e.getCause());
    } catch (TimeoutException e) {
      return new PublishException("Kafka did not acknowledge article " + id + " within " + ackTimeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PublishException("Interrupted while waiting for Kafka to acknowledge article " + id, e);
    }
  }

  /** What a failed send means for the submitter: too large (never retry), registry down, or broker down. */
  static PublishException classify(String id, Throwable e) {
    if (cause(e, RecordTooLargeException.class) != null) {
      return new TooLargeException("Kafka refused article " + id + " as too large: " + rootMessage(e), e);
    }
    if (SchemaRegistryException.registryUnreachable(e)) {
      SchemaRegistryException registry = cause(e, SchemaRegistryException.class);
      return new RegistryUnavailableException("Article " + id + " could not be encoded: "
          + (registry != null ? registry.getMessage() : rootMessage(e)), e);
    }
    return new PublishException("Kafka did not acknowledge article " + id + ": " + rootMessage(e), e);
  }

  /** The first exception of {@code type} in the cause chain, or null. */
  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  @Override
  public void close() {
    producer.close();
  }
}
