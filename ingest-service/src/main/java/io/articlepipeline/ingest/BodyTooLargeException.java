package io.articlepipeline.ingest;

/** The request body is larger than {@code pipeline.ingest.max-body-bytes}. */
class BodyTooLargeException extends RuntimeException {
  BodyTooLargeException(String message) {
    super(message);
  }
}
