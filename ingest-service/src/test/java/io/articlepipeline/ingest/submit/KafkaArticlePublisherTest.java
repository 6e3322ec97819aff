package io.articlepipeline.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.SchemaRegistryException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a send's outcome means for the submitter (a record Kafka refuses as too large is never
 * worth a retry), and that a batch is sent whole before any acknowledgement is awaited.
 */
class KafkaArticlePublisherTest {

  /** A value serializer that only counts; the broker is Kafka's MockProducer. */
  private static final Serializer<Object> VALUES = (topic, value) -> value == null ? null : new byte[] {1};

  private final MockProducer<String, Object> producer = new MockProducer<>(false, null, new StringSerializer(), VALUES);
  private final KafkaArticlePublisher publisher = new KafkaArticlePublisher(producer, "articles.submitted", 5_000);

  @Test
  void aBatchIsSentWholeBeforeAnyAcknowledgementIsAwaited() {
    CompletableFuture<List<ArticlePublisher.PublishException>> outcome =
        CompletableFuture.supplyAsync(() -> publisher.publishAll(List.of(article("a1"), article("a2"), article("a3"))));

    Awaitility.await().until(() -> producer.history().size() == 3);
    assertThat(outcome).isNotDone();
    producer.completeNext();
    producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
    producer.completeNext();

    List<ArticlePublisher.PublishException> failures = outcome.join();
    assertThat(failures.get(0)).isNull();
    assertThat(failures.get(1)).isExactlyInstanceOf(ArticlePublisher.PublishException.class)
        .hasMessageContaining("a2").hasMessageContaining("did not acknowledge");
    assertThat(failures.get(2)).isNull();
    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("a1", "a2", "a3");
  }

  @Test
  void aRecordTooLargeForKafkaIsTooLargeNotUnavailable() {
    CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> publisher.publish(article("a1")));
    Awaitility.await().until(() -> producer.history().size() == 1);
    producer.errorNext(new RecordTooLargeException("The message is 17000000 bytes when serialized"));

    assertThatThrownBy(sent::join).cause()
        .isInstanceOf(ArticlePublisher.TooLargeException.class)
        .hasMessageContaining("a1").hasMessageContaining("17000000 bytes");
  }

  @Test
  void anUnreachableRegistryIsNamedAsTheReasonNotTheBroker() {
    MockProducer<String, Object> encodingFails = new MockProducer<>(true, null, new StringSerializer(),
        (topic, value) -> {
          throw new SerializationException("Cannot register the schema of articles.submitted-value",
              new SchemaRegistryException("Schema registry unreachable at http://127.0.0.1:8081/", 0, -1,
                  new java.net.ConnectException()));
        });
    KafkaArticlePublisher registryDown = new KafkaArticlePublisher(encodingFails, "articles.submitted", 5_000);

    assertThatThrownBy(() -> registryDown.publish(article("a1")))
        .isInstanceOf(ArticlePublisher.RegistryUnavailableException.class)
        .hasMessage("Article a1 could not be encoded: Schema registry unreachable at http://127.0.0.1:8081/");
  }

  @Test
  void aRetractionIsATombstoneKeyedByTheId() {
    CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> publisher.retract("a9"));
    Awaitility.await().until(() -> producer.history().size() == 1);
    producer.completeNext();
    sent.join();

    assertThat(producer.history().get(0).key()).isEqualTo("a9");
    assertThat(producer.history().get(0).value()).isNull();
  }

  private static ArticleSubmitted article(String id) {
    return ArticleSubmitted.newBuilder().setId(id).setRevision(1).setTitle("t").setBody("b")
        .setSubmittedAt(java.time.Instant.EPOCH).build();
  }
}
