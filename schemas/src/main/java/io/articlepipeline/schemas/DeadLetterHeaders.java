package io.articlepipeline.schemas;

/**
 * Headers on a dead letter. The names are those the Spring Cloud Stream Kafka binder writes, so
 * dead letters from the binder and from our own stages read the same.
 */
public final class DeadLetterHeaders {

  /** The stage that failed: enrich or index. */
  public static final String STAGE = "x-pipeline-stage";
  /** Fully qualified class name of the exception. */
  public static final String EXCEPTION_FQCN = "x-exception-fqcn";
  /** The exception's message. */
  public static final String EXCEPTION_MESSAGE = "x-exception-message";
  /** The exception's stack trace. */
  public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";
  /** Topic the record was read from. */
  public static final String ORIGINAL_TOPIC = "x-original-topic";
  /** Partition it was read from (4-byte big-endian int). */
  public static final String ORIGINAL_PARTITION = "x-original-partition";
  /** Offset it was read from (8-byte big-endian long). */
  public static final String ORIGINAL_OFFSET = "x-original-offset";
  /** Its timestamp (8-byte big-endian long, epoch millis). */
  public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
  /** How many times it has been replayed (UTF-8 decimal). */
  public static final String REPLAY_COUNT = "x-pipeline-replay-count";

  private DeadLetterHeaders() {
  }
}
