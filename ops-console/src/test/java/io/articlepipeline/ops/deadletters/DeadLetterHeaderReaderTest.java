package io.articlepipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterHeaderReaderTest {

  private final DeadLetterHeaderReader reader =
      new DeadLetterHeaderReader(Map.of("articles.submitted", "enrich"));

  @Test
  void readsTheReasonAndOriginAsTheBinderWritesThem() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.STAGE, utf8("index"));
    headers.add(DeadLetterHeaders.EXCEPTION_FQCN, utf8("java.lang.IllegalStateException"));
    headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("mapping rejected field publishedAt"));
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8("articles.enriched"));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(2).array());
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41).array());
    headers.add(DeadLetterHeaders.ORIGINAL_TIMESTAMP,
        ByteBuffer.allocate(8).putLong(1_700_000_000_000L).array());

    DeadLetterView view = reader.view(record("articles.enriched.dlq", headers, "a-1", new byte[12]));

    assertThat(view.stage()).isEqualTo("index");
    assertThat(view.exceptionClass()).isEqualTo("java.lang.IllegalStateException");
    assertThat(view.exceptionMessage()).isEqualTo("mapping rejected field publishedAt");
    assertThat(view.originalTopic()).isEqualTo("articles.enriched");
    assertThat(view.originalPartition()).isEqualTo(2);
    assertThat(view.originalOffset()).isEqualTo(41L);
    assertThat(view.originalTimestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(view.key()).isEqualTo("a-1");
    assertThat(view.valueBytes()).isEqualTo(12);
    assertThat(view.replayCount()).isZero();
  }

  @Test
  void withoutStageOrTopicHeadersTheyAreInferredFromTheTopicName() {
    DeadLetterView view = reader.view(record("articles.submitted.dlq", new RecordHeaders(), null, null));

    assertThat(view.originalTopic()).isEqualTo("articles.submitted");
    assertThat(view.stage()).isEqualTo("enrich");
    assertThat(view.originalPartition()).isNull();
    assertThat(view.valueBytes()).isEqualTo(-1);
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

    assertThat(DeadLetterHeaderReader.rootCause(trace))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException: Unknown magic byte!");
    assertThat(DeadLetterHeaderReader.rootCause("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)"))
        .isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(DeadLetterHeaderReader.rootCause(null)).isNull();
  }

  @Test
  void numbersWrittenAsDecimalTextAreRead() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8("12345"));
    headers.add(DeadLetterHeaders.REPLAY_COUNT, utf8("2"));

    assertThat(DeadLetterHeaderReader.number(headers, DeadLetterHeaders.ORIGINAL_OFFSET))
        .isEqualTo(12345L);
    assertThat(DeadLetterHeaderReader.replayCount(headers)).isEqualTo(2);
  }

  @Test
  void theNewestHeaderOfANameWins() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("first failure"));
    headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("second failure"));

    assertThat(DeadLetterHeaderReader.string(headers, DeadLetterHeaders.EXCEPTION_MESSAGE))
        .isEqualTo("second failure");
  }

  static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers, String key,
      byte[] value) {
    return new ConsumerRecord<>(topic, 0, 7, 1_700_000_100_000L, TimestampType.CREATE_TIME, -1, -1,
        key == null ? null : utf8(key), value, headers, Optional.empty());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
