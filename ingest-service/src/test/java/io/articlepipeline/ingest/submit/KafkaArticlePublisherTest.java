package io.articlepipeline.ingest.submit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.schemas.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;

/** Which failures of a send are worth retrying: a record Kafka refuses as too large never is. */
class StreamBridgePublisherTest {

  private final StreamBridge bridge = mock(StreamBridge.class);
  private final StreamBridgePublisher publisher = new StreamBridgePublisher(bridge);

  private void sendFailsWith(Exception cause) {
    when(bridge.send(eq(StreamBridgePublisher.BINDING), any(Message.class)))
        .thenThrow(new MessageHandlingException(mock(Message.class), "send failed", cause));
  }

  @Test
  void aRecordTooLargeForKafkaIsTooLargeNotUnavailable() {
    sendFailsWith(new RecordTooLargeException("The message is 17000000 bytes when serialized"));

    assertThatThrownBy(() -> publisher.publish(article()))
        .isInstanceOf(ArticlePublisher.TooLargeException.class)
        .hasMessageContaining("a1").hasMessageContaining("17000000 bytes");
  }

  @Test
  void anUnreachableRegistryIsNamedAsTheReasonNotTheBroker() {
    sendFailsWith(new SerializationException("Cannot register the schema of articles.submitted-value",
        new SchemaRegistryException("Schema registry unreachable at http://127.0.0.1:8081/", 0, -1,
            new java.net.ConnectException())));

    assertThatThrownBy(() -> publisher.publish(article()))
        .isInstanceOf(ArticlePublisher.RegistryUnavailableException.class)
        .hasMessage("Article a1 could not be encoded: Schema registry unreachable at http://127.0.0.1:8081/");
  }

  @Test
  void aBrokerThatDoesNotAnswerIsWorthARetry() {
    sendFailsWith(new TimeoutException("Expiring 1 record(s)"));

    assertThatThrownBy(() -> publisher.publish(article()))
        .isExactlyInstanceOf(ArticlePublisher.PublishException.class)
        .hasMessageContaining("did not acknowledge");
  }

  private static ArticleSubmitted article() {
    return ArticleSubmitted.newBuilder().setId("a1").setRevision(1).setTitle("t").setBody("b")
        .setSubmittedAt(java.time.Instant.EPOCH).build();
  }
}
