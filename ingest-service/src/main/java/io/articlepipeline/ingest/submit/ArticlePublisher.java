package io.articlepipeline.ingest.submit;

import io.articlepipeline.schemas.avro.ArticleSubmitted;

/** Sends accepted articles to the pipeline; returns only once the broker has them. */
public interface ArticlePublisher {

  /** Publishes {@code article} keyed by its id; throws {@link PublishException} if not acknowledged. */
  void publish(ArticleSubmitted article);

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
