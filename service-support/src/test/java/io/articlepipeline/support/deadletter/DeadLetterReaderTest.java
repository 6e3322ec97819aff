package io.articlepipeline.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class DeadLetterReaderTest {

  private static final Schema ARTICLE = SchemaBuilder.record("Article").fields()
      .requiredString("id").requiredLong("revision").endRecord();
  /** "Decodes" a value of the form {@code AVRO:<revision>}; anything else is refused as undecodable. */
  private static final Deserializer<Object> FAKE_AVRO = (topic, data) -> {
    String text = new String(data, StandardCharsets.UTF_8);
    if (!text.startsWith("AVRO:")) {
      throw new SerializationException("Unknown magic byte!");
    }
    GenericRecord r = new GenericData.Record(ARTICLE);
    r.put("id", "a-1");
    r.put("revision", Long.parseLong(text.substring(5)));
    return r;
  };

  private final DeadLetterReader headersOnly = new DeadLetterReader(Map.of("articles.submitted", "enrich"));
  private final DeadLetterReader withRevisions = new DeadLetterReader(Map.of("articles.submitted", "enrich"),
      new RecordDecoder<>(FAKE_AVRO, GenericRecord.class));

  @Test
  void readsTheHeadersDeadLetterWrites() {
    DeadLetter written = DeadLetter.of("index", new SourceRecord("articles.enriched", 2, 41, "a-1",
        1_700_000_000_000L), utf8("AVRO:17"), "java.lang.IllegalStateException",
        "mapping rejected field publishedAt");
    RecordHeaders headers = new RecordHeaders();
    written.headers().forEach(headers::add);

    DeadLetterView view = withRevisions.read(record("articles.enriched.dlq", headers, "a-1", written.value()));

    assertThat(view.topic()).isEqualTo("articles.enriched.dlq");
    assertThat(view.partition()).isZero();
    assertThat(view.offset()).isEqualTo(7);
    assertThat(view.timestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_100_000L));
    assertThat(view.stage()).isEqualTo("index");
    assertThat(view.exceptionClass()).isEqualTo("java.lang.IllegalStateException");
    assertThat(view.exceptionMessage()).isEqualTo("mapping rejected field publishedAt");
    assertThat(view.reason()).isEqualTo("mapping rejected field publishedAt");
    assertThat(view.originalTopic()).isEqualTo("articles.enriched");
    assertThat(view.originalPartition()).isEqualTo(2);
    assertThat(view.originalOffset()).isEqualTo(41L);
    assertThat(view.originalTimestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(view.key()).isEqualTo("a-1");
    assertThat(view.revision()).isEqualTo(17L);
    assertThat(view.value()).isEqualTo(utf8("AVRO:17"));
    assertThat(view.valueBytes()).isEqualTo(7);
    assertThat(view.replayCount()).isZero();
  }

  @Test
  void anUndecodableValueHasNoRevisionAndKeepsItsBytes() {
    byte[] garbage = {0x7b, 0x22, 0x78};
    DeadLetterView view = withRevisions.read(record("articles.submitted.dlq", new RecordHeaders(), "a-2", garbage));

    assertThat(view.revision()).isNull();
    assertThat(view.value()).isEqualTo(garbage);
    assertThat(view.valueBytes()).isEqualTo(3);
  }

  @Test
  void withoutADecoderNoRevisionIsRead() {
    assertThat(headersOnly.read(record("articles.submitted.dlq", new RecordHeaders(), "a-1", utf8("AVRO:5")))
        .revision()).isNull();
  }

  @Test
  void withoutStageOrTopicHeadersTheyAreInferredFromTheTopicName() {
    DeadLetterView view = withRevisions.read(record("articles.submitted.dlq", new RecordHeaders(), null, null));

    assertThat(view.originalTopic()).isEqualTo("articles.submitted");
    assertThat(view.stage()).isEqualTo("enrich");
    assertThat(view.originalPartition()).isNull();
    assertThat(view.valueBytes()).isEqualTo(-1);
    assertThat(view.value()).isNull();
    assertThat(view.key()).isNull();
    assertThat(view.reason()).isEqualTo("no reason recorded");
  }

  @Test
  void aTopicNotNamedDlqHasNoInferredSource() {
    DeadLetterView view = headersOnly.read(record("elsewhere", new RecordHeaders(), "k", null));

    assertThat(view.originalTopic()).isNull();
    assertThat(view.stage()).isNull();
  }

  @Test
  void rootCauseIsTheInnermostCausedByOfTheStackTrace() {
    String trace = String.join("\n",
        "org.springframework.messaging.MessagingException: error occurred in message handler",
        "\tat org.springframework.integration.Foo.bar(Foo.java:1)",
        "Caused by: org.springframework.messaging.MessageHandlingException: handler failed",
        "\t... 12 more",
        "Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!",
        "\tat io.articlepipeline.serde.AvroDeserializer.deserialize(AvroDeserializer.java:80)");

    assertThat(DeadLetterReader.rootCause(trace))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException: Unknown magic byte!");
    assertThat(DeadLetterReader.rootCause("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)"))
        .isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(DeadLetterReader.rootCause(null)).isNull();

    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, utf8(trace));
    DeadLetterView view = headersOnly.read(record("articles.submitted.dlq", headers, "a-1", null));
    assertThat(view.rootCause()).endsWith("Unknown magic byte!");
    assertThat(view.reason()).isEqualTo(view.rootCause());
  }

  @Test
  void numbersWrittenAsDecimalTextOrBinaryAreRead() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8("12345"));
    headers.add(DeadLetterHeaders.REPLAY_COUNT, utf8("2"));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(3).array());
    headers.add(DeadLetterHeaders.ORIGINAL_TIMESTAMP, new byte[] {1, 2, 3});

    assertThat(DeadLetterReader.number(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(12345L);
    assertThat(DeadLetterReader.number(headers, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(3L);
    assertThat(DeadLetterReader.number(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP)).isNull();
    assertThat(DeadLetterReader.replayCount(headers)).isEqualTo(2);
  }

  @Test
  void theNewestHeaderOfANameWins() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("first failure"));
    headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("second failure"));

    assertThat(DeadLetterReader.string(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("second failure");
  }

  /** A dead-letter record at partition 0, offset 7. */
  public static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers, String key, byte[] value) {
    return new ConsumerRecord<>(topic, 0, 7, 1_700_000_100_000L, TimestampType.CREATE_TIME, -1, -1,
        key == null ? null : utf8(key), value, headers, Optional.empty());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
