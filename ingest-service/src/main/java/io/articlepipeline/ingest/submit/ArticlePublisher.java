package io.articlepipeline.ingest.submit;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.util.ArrayList;
import java.util.List;

/** Sends accepted articles to the pipeline; returns only once the broker has them. */
public interface ArticlePublisher {

  /** Publishes {@code article} keyed by its id; throws {@link PublishException} if not acknowledged. */
  void publish(ArticleSubmitted article);

  /**
   * Publishes every article and returns once each is acknowledged or has failed: element i is null
   * if article i is stored, else why it is not. An implementation sends them together so that they
   * share the broker's round trips; this default sends one after the other.
   */
  default List<PublishException> publishAll(List<ArticleSubmitted> articles) {
    List<PublishException> failures = new ArrayList<>(articles.size());
    for (ArticleSubmitted article : articles) {
      try {
        publish(article);
        failures.add(null);
      } catch (PublishException e) {
        failures.add(e);
      }
    }
    return failures;
  }

  /** Publishes a tombstone retracting the article. */
  void retract(String id);

  /** The broker did not acknowledge; nothing was accepted. */
  class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The schema registry could not be asked (to register or look up the schema): worth a retry. */
  class RegistryUnavailableException extends PublishException {
    public RegistryUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The record is larger than Kafka takes: retrying cannot help, the article must be smaller. */
  class TooLargeException extends PublishException {
    public TooLargeException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
