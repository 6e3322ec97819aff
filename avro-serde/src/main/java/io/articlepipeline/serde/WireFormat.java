package io.articlepipeline.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {
  }

  /** The schema id of a framed record; a clear error when the bytes are not in this format. */
  public static int schemaId(String topic, byte[] bytes) {
    if (bytes.length < HEADER_SIZE) {
      throw new SerializationException("Record on topic " + topic + " is " + bytes.length
          + " bytes, too short for the Confluent wire format (magic byte + 4-byte schema id)");
    }
    if (bytes[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format(
          "Unknown magic byte 0x%02x on topic %s: the record is not in the Confluent Avro wire format",
          bytes[0] & 0xff, topic));
    }
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }
}
