package io.articlepipeline.support.deadletter;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a dead-letter record into a {@link DeadLetterView}: the headers {@link DeadLetter} writes
 * ({@link DeadLetterHeaders}) and, with a decoder, the article revision in its value. The one
 * reader of dead letters: the ops console's list and replay and the index service's article
 * status both use it. Numbers are read as they are written (4-byte int, 8-byte long) and, failing
 * that, as decimal text, so dead letters from other writers still read. No I/O but the decoder's.
 */
public final class DeadLetterReader {

  private static final String CAUSED_BY = "Caused by:";
  private static final int MAX_CAUSE_CHARS = 1000;

  private final Map<String, String> stageBySourceTopic;
  private final RecordDecoder<GenericRecord> values;

  /**
   * @param stageBySourceTopic source topic to the stage reading it, for dead letters without a
   *     stage header
   * @param values decodes a dead-lettered value (Confluent wire format) to read its
   *     {@code revision}; null to read no revisions
   */
  public DeadLetterReader(Map<String, String> stageBySourceTopic, RecordDecoder<GenericRecord> values) {
    this.stageBySourceTopic = Map.copyOf(stageBySourceTopic);
    this.values = values;
  }

  /** A reader of headers only: no revisions. */
  public DeadLetterReader(Map<String, String> stageBySourceTopic) {
    this(stageBySourceTopic, null);
  }

  /** The view of a dead-letter record. */
  public DeadLetterView read(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    String originalTopic = string(headers, DeadLetterHeaders.ORIGINAL_TOPIC);
    if (originalTopic == null) {
      originalTopic = sourceTopicOf(record.topic());
    }
    String stage = string(headers, DeadLetterHeaders.STAGE);
    if (stage == null && originalTopic != null) {
      stage = stageBySourceTopic.get(originalTopic);
    }
    Long originalPartition = number(headers, DeadLetterHeaders.ORIGINAL_PARTITION);
    Long originalTimestamp = number(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP);
    byte[] value = record.value();
    return new DeadLetterView(record.topic(), record.partition(), record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        revision(originalTopic != null ? originalTopic : record.topic(), value),
        value == null ? -1 : value.length,
        stage,
        string(headers, DeadLetterHeaders.EXCEPTION_FQCN),
        string(headers, DeadLetterHeaders.EXCEPTION_MESSAGE),
        rootCause(string(headers, DeadLetterHeaders.EXCEPTION_STACKTRACE)),
        originalTopic,
        originalPartition == null ? null : originalPartition.intValue(),
        number(headers, DeadLetterHeaders.ORIGINAL_OFFSET),
        originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
        replayCount(headers),
        value);
  }

  /** The {@code revision} of the value, decoded as the stages decode it; null when it cannot be. */
  private Long revision(String topic, byte[] value) {
    if (values == null || value == null || value.length == 0) {
      return null;
    }
    try {
      GenericRecord decoded = values.decode(topic, value);
      if (decoded != null && decoded.hasField("revision") && decoded.get("revision") instanceof Long revision) {
        return revision;
      }
    } catch (RuntimeException e) {
      // not Avro, or a schema the registry does not have: that is often why it was dead-lettered
    }
    return null;
  }

  /**
   * The innermost cause of a Java stack trace: its last {@code Caused by:} line (or the first line
   * when there is none), cut to {@value #MAX_CAUSE_CHARS} characters; null for no stack trace.
   */
  public static String rootCause(String stackTrace) {
    if (stackTrace == null || stackTrace.isBlank()) {
      return null;
    }
    String cause = null;
    for (String line : stackTrace.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith(CAUSED_BY)) {
        cause = trimmed.substring(CAUSED_BY.length()).strip();
      }
    }
    if (cause == null) {
      cause = stackTrace.strip().split("\\R", 2)[0];
    }
    return cause.length() > MAX_CAUSE_CHARS ? cause.substring(0, MAX_CAUSE_CHARS) + "…" : cause;
  }

  /** The source topic of a dead-letter topic by the naming rule {@code <topic>.dlq}; else null. */
  public static String sourceTopicOf(String deadLetterTopic) {
    return deadLetterTopic.endsWith(".dlq")
        ? deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlq".length())
        : null;
  }

  /** The replay count header as a number; 0 when absent or unreadable. */
  public static int replayCount(Headers headers) {
    Long count = number(headers, DeadLetterHeaders.REPLAY_COUNT);
    return count == null ? 0 : count.intValue();
  }

  /** The newest header of that name as UTF-8 text, or null. */
  public static String string(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The newest header of that name as a number (4 or 8 bytes big-endian, or decimal text), or null. */
  public static Long number(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return null;
    }
    byte[] v = header.value();
    String text = new String(v, StandardCharsets.UTF_8).trim();
    if (!text.isEmpty() && text.chars().allMatch(c -> Character.isDigit(c) || c == '-')) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // digits that do not fit a long: fall through to the binary reading
        return binary(v);
      }
    }
    return binary(v);
  }

  private static Long binary(byte[] v) {
    if (v.length == Integer.BYTES) {
      return (long) ByteBuffer.wrap(v).getInt();
    }
    if (v.length == Long.BYTES) {
      return ByteBuffer.wrap(v).getLong();
    }
    return null;
  }
}
