package io.articlepipeline.index.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.schemas.Topics;
import io.articlepipeline.support.deadletter.DeadLetterReader;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterWatchTest {

  private static final Schema WITH_REVISION = SchemaBuilder.record("A").fields().requiredLong("revision").endRecord();

  /** "Decodes" a value whose bytes are a decimal revision; anything else is not Avro. */
  private final DeadLetterWatch watch = new DeadLetterWatch(List.of(Topics.SUBMITTED_DLQ, Topics.ENRICHED_DLQ),
      () -> {
        throw new AssertionError("no broker in unit tests");
      },
      new DeadLetterReader(StatusConfiguration.STAGES, new RecordDecoder<>((topic, bytes) -> {
        try {
          GenericData.Record r = new GenericData.Record(WITH_REVISION);
          r.put("revision", Long.parseLong(new String(bytes, StandardCharsets.UTF_8)));
          return r;
        } catch (NumberFormatException e) {
          throw new SerializationException("Unknown magic byte!");
        }
      }, GenericRecord.class)));

  private static ConsumerRecord<byte[], byte[]> letter(String topic, String key, String value, String stage, String reason) {
    ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>(topic, 0, 7,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    if (stage != null) {
      r.headers().add(DeadLetterHeaders.STAGE, stage.getBytes(StandardCharsets.UTF_8));
    }
    r.headers().add(DeadLetterHeaders.EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  @Test
  void readsTheStageReasonAndRevision() {
    watch.accept(letter(Topics.ENRICHED_DLQ, "a1", "42", "index", "mapper_parsing_exception"));
    Failure f = watch.newest("a1").orElseThrow();
    assertThat(f.stage()).isEqualTo("index");
    assertThat(f.reason()).isEqualTo("mapper_parsing_exception");
    assertThat(f.revision()).isEqualTo(42L);
    assertThat(f.topic()).isEqualTo(Topics.ENRICHED_DLQ);
  }

  @Test
  void anUndecodableRecordHasNoRevisionAndTheStageOfItsTopic() {
    watch.accept(letter(Topics.SUBMITTED_DLQ, "b1", "{not avro}", null, "x".repeat(2000)));
    Failure f = watch.newest("b1").orElseThrow();
    assertThat(f.revision()).isNull();
    assertThat(f.stage()).isEqualTo("enrich");
    assertThat(f.reason()).hasSizeLessThan(DeadLetterWatch.MAX_REASON + 10);
  }

  @Test
  void aRecordWithoutKeyIsSkipped() {
    watch.accept(letter(Topics.SUBMITTED_DLQ, null, "1", "enrich", "no key"));
    assertThat(watch.newest("null")).isEmpty();
  }

  @Test
  void keepsTheNewestRevisionPerArticle() {
    watch.accept(letter(Topics.ENRICHED_DLQ, "a1", "50", "index", "second"));
    watch.accept(letter(Topics.ENRICHED_DLQ, "a1", "40", "index", "replayed old one"));
    assertThat(watch.newest("a1")).get().extracting(Failure::reason).isEqualTo("second");
    watch.accept(letter(Topics.ENRICHED_DLQ, "a1", "60", "index", "third"));
    assertThat(watch.newest("a1")).get().extracting(Failure::revision).isEqualTo(60L);
    assertThat(watch.newest("nobody")).isEmpty();
  }
}
