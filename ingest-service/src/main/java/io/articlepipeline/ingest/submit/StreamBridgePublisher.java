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
      if (causedBy(e, RecordTooLargeException.class)) {
        throw new TooLargeException("Kafka refused article " + id + " as too large: " + rootMessage(e), e);
      }
      if (SchemaRegistryException.registryUnreachable(e)) {
        throw new RegistryUnavailableException("Article " + id + " could not be encoded: "
            + registryMessage(e), e);
      }
      throw new PublishException("Kafka did not acknowledge article " + id + ": " + rootMessage(e), e);
    }
    if (!sent) {
      throw new PublishException("Kafka did not accept article " + id, null);
    }
  }

  private static String registryMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SchemaRegistryException) {
        return t.getMessage();
      }
    }
    return rootMessage(e);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
