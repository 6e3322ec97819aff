package io.articlepipeline.support.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * How a stage turns the bytes it read into its input type: both stages consume raw bytes and
 * decode them here, so a record that cannot be decoded still has its exact bytes for the dead
 * letter, and the two stages cannot disagree on what a bad record is.
 *
 * <p>A null value is a tombstone (null). Anything the deserializer refuses, and a value of another
 * type, is a {@link SerializationException}; whether that is a bad record or an outage (the
 * registry unreachable: {@code SchemaRegistryException.registryUnreachable}) is the stage's call.
 */
public final class RecordDecoder<T> {

  private final Deserializer<?> deserializer;
  private final Class<T> type;

  public RecordDecoder(Deserializer<?> deserializer, Class<T> type) {
    this.deserializer = deserializer;
    this.type = type;
  }

  /** The decoded value of bytes read from {@code topic}; null for a tombstone. */
  public T decode(String topic, byte[] value) {
    if (value == null) {
      return null;
    }
    Object decoded;
    try {
      decoded = deserializer.deserialize(topic, value);
    } catch (SerializationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SerializationException("Cannot decode a record of " + topic + ": " + e, e);
    }
    if (type.isInstance(decoded)) {
      return type.cast(decoded);
    }
    throw new SerializationException("Expected a " + type.getSimpleName() + " on " + topic + " but read "
        + (decoded == null ? "null" : decoded.getClass().getName()));
  }
}
