package io.articlepipeline.support.deadletter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One dead letter as read from a dead-letter topic: where it sits, which article and revision it
 * is, where it came from and why it failed. Built by {@link DeadLetterReader}.
 *
 * @param topic dead-letter topic
 * @param partition its partition there
 * @param offset its offset there
 * @param timestamp when it was dead-lettered
 * @param key the record key (the article id), UTF-8; null without a key
 * @param revision the article revision in the dead-lettered value; null when it was not decoded
 *     (no decoder given, a tombstone, or bytes that are not an article: often why it failed)
 * @param valueBytes size of the value in bytes; -1 for a null value (tombstone)
 * @param stage the stage that failed (its header, or inferred from the source topic)
 * @param exceptionClass fully qualified exception class
 * @param exceptionMessage the exception's message
 * @param rootCause the innermost "Caused by" of the stack trace header ("class: message"), null
 *     without a stack trace; a wrapping exception's message is often not the real reason
 * @param originalTopic topic the record was read from
 * @param originalPartition partition it was read from, null if not recorded
 * @param originalOffset offset it was read from, null if not recorded
 * @param originalTimestamp its original timestamp, null if not recorded
 * @param replayCount how often it had been replayed before it failed this time
 * @param value the value bytes exactly as read (null for a tombstone); never written into JSON
 */
public record DeadLetterView(String topic, int partition, long offset, Instant timestamp,
    String key, Long revision, int valueBytes, String stage, String exceptionClass,
    String exceptionMessage, String rootCause, String originalTopic, Integer originalPartition,
    Long originalOffset, Instant originalTimestamp, int replayCount, @JsonIgnore byte[] value) {

  /** The reason to show: the message, else the root cause, else the exception class. */
  public String reason() {
    if (exceptionMessage != null && !exceptionMessage.isBlank()) {
      return exceptionMessage;
    }
    if (rootCause != null) {
      return rootCause;
    }
    return exceptionClass != null ? exceptionClass : "no reason recorded";
  }
}
