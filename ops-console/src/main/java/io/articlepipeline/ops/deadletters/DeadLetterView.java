package io.articlepipeline.ops.deadletters;

import java.time.Instant;

/**
 * One dead letter as the operators see it: where it sits, where it came from and why it failed.
 *
 * @param topic dead-letter topic
 * @param partition its partition there
 * @param offset its offset there
 * @param timestamp when it was dead-lettered
 * @param key the record key (the article id), UTF-8
 * @param valueBytes size of the original value in bytes; -1 for a null value (tombstone)
 * @param stage the stage that failed (header, or inferred from the consumer group of the source topic)
 * @param exceptionClass fully qualified exception class
 * @param exceptionMessage the exception's message
 * @param rootCause the innermost "Caused by" of the stack trace header ("class: message"), null
 *     without a stack trace; the binder's exception is often a wrapper, this is the real reason
 * @param originalTopic topic the record was read from
 * @param originalPartition partition it was read from, null if not recorded
 * @param originalOffset offset it was read from, null if not recorded
 * @param originalTimestamp its original timestamp, null if not recorded
 * @param replayCount how often it had been replayed before it failed this time
 */
public record DeadLetterView(String topic, int partition, long offset, Instant timestamp,
    String key, int valueBytes, String stage, String exceptionClass, String exceptionMessage,
    String rootCause, String originalTopic, Integer originalPartition, Long originalOffset,
    Instant originalTimestamp, int replayCount) {
}
