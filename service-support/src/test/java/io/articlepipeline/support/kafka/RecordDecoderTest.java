package io.articlepipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

  /** "n…" decodes to a number, "s…" to a string, anything else is refused, "boom" throws a non-Kafka exception. */
  private final Deserializer<Object> deserializer = (topic, bytes) -> {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.equals("boom")) {
      throw new IllegalStateException("parser bug");
    }
    if (text.startsWith("n")) {
      return text.length();
    }
    if (text.startsWith("s")) {
      return text;
    }
    throw new SerializationException("Unknown magic byte!");
  };
  private final RecordDecoder<String> decoder = new RecordDecoder<>(deserializer, String.class);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesTheExpectedType() {
    assertThat(decoder.decode("t", bytes("s-article"))).isEqualTo("s-article");
  }

  @Test
  void aNullValueIsATombstone() {
    assertThat(decoder.decode("t", null)).isNull();
  }

  @Test
  void bytesTheDeserializerRefusesAreASerializationException() {
    assertThatThrownBy(() -> decoder.decode("t", bytes("x"))).isInstanceOf(SerializationException.class)
        .hasMessageContaining("magic byte");
  }

  @Test
  void aValueOfAnotherTypeIsASerializationExceptionNamingBoth() {
    assertThatThrownBy(() -> decoder.decode("t", bytes("n123"))).isInstanceOf(SerializationException.class)
        .hasMessageContaining("Expected a String").hasMessageContaining("java.lang.Integer");
  }

  @Test
  void anyOtherFailureOfTheDeserializerIsABadRecordToo() {
    assertThatThrownBy(() -> decoder.decode("t", bytes("boom"))).isInstanceOf(SerializationException.class)
        .hasMessageContaining("parser bug");
  }
}
