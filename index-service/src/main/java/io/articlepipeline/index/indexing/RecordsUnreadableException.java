package io.articlepipeline.index.indexing;

/**
 * The batch's records cannot be read now (the schema registry is unreachable): not a bad record,
 * an outage. The batch fails uncommitted and is read, and decoded, again from its first record.
 */
public class RecordsUnreadableException extends IndexingFailedException {

  public RecordsUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
