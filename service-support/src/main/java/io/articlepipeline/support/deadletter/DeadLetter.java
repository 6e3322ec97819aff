package io.articlepipeline.support.deadletter;

import io.articlepipeline.schemas.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record for the dead-letter topic: the original key and bytes, and headers saying which stage
 * failed, why, and where the record came from ({@link DeadLetterHeaders}).
 */
public record DeadLetter(SourceRecord source, byte[] value, Map<String, byte[]> headers) {

  private static final int MAX_MESSAGE_CHARS = 2000;

  /**
   * A dead letter of {@code stage} (enrich, index) for the record read at {@code source}: its
   * {@code value} as it should be replayed (null: none), why it failed.
   */
  public static DeadLetter of(String stage, SourceRecord source, byte[] value, String exceptionClass,
      String message) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put(DeadLetterHeaders.STAGE, utf8(stage));
    headers.put(DeadLetterHeaders.EXCEPTION_FQCN, utf8(exceptionClass));
    String m = message == null ? "" : message;
    headers.put(DeadLetterHeaders.EXCEPTION_MESSAGE,
        utf8(m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) : m));
    headers.put(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(source.topic()));
    headers.put(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(source.partition()).array());
    headers.put(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(source.offset()).array());
    headers.put(DeadLetterHeaders.ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(source.timestamp()).array());
    return new DeadLetter(source, value == null ? new byte[0] : value, Collections.unmodifiableMap(headers));
  }

  private static byte[] utf8(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }
}
