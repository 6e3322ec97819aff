package io.articlepipeline.index.indexing;

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

  /** The stage name in {@link DeadLetterHeaders#STAGE}. */
  public static final String STAGE = "index";
  private static final int MAX_MESSAGE_CHARS = 2000;

  public static DeadLetter of(SourceRecord source, byte[] value, String exceptionClass, String message) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put(DeadLetterHeaders.STAGE, utf8(STAGE));
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
