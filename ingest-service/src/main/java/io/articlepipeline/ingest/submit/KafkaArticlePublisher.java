package io.articlepipeline.ingest.submit;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.schemas.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes through the {@code submitArticle-out-0} binding. The binding is synchronous with
 * acks=all and an idempotent producer (application.yml), so a return means the broker has it.
 */
@Component
class StreamBridgePublisher implements ArticlePublisher {

  static final String BINDING = "submitArticle-out-0";

  private final StreamBridge bridge;

  StreamBridgePublisher(StreamBridge bridge) {
    this.bridge = bridge;
  }

  @Override
  public void publish(ArticleSubmitted article) {
    send(article.getId(), article);
  }

  @Override
  public void retract(String id) {
    send(id, KafkaNull.INSTANCE);
  }

  private void send(String id, Object payload) {
    boolean sent;
    try {
      sent = bridge.send(BINDING, MessageBuilder.withPayload(payload).setHeader(KafkaHeaders.KEY, id).build());
    } catch (RuntimeException e) {
      if (cause(e, RecordTooLargeException.class) != null) {
        throw new TooLargeException("Kafka refused article " + id + " as too large: " + rootMessage(e), e);
      }
      if (SchemaRegistryException.registryUnreachable(e)) {
        SchemaRegistryException registry = cause(e, SchemaRegistryException.class);
        throw new RegistryUnavailableException("Article " + id + " could not be encoded: "
            + (registry != null ? registry.getMessage() : rootMessage(e)), e);
      }
      throw new PublishException("Kafka did not acknowledge article " + id + ": " + rootMessage(e), e);
    }
    if (!sent) {
      throw new PublishException("Kafka did not accept article " + id, null);
    }
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
}
