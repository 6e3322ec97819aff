package io.articlepipeline.index.indexing;

/**
 * A batch could not be indexed after retries. Thrown to the listener container so the batch's
 * offsets are not committed and the batch is delivered again.
 */
public class IndexingFailedException extends RuntimeException {

  public IndexingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
