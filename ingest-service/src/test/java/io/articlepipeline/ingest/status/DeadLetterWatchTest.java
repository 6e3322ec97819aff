package io.articlepipeline.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.schemas.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterWatchTest {

  private static final Schema WITH_REVISION = SchemaBuilder.record("A").fields().requiredLong("revision").endRecord();

  /** "Decodes" a value whose bytes are a decimal revision; anything else is not Avro. */
  private final DeadLetterWatch watch = new DeadLetterWatch("unused:9092", (topic, bytes) -> {
    try {
      GenericData.Record r = new GenericData.Record(WITH_REVISION);
      r.put("revision", Long.parseLong(new String(bytes, StandardCharsets.UTF_8)));
      return r;
    } catch (NumberFormatException e) {
      throw new SerializationException("Unknown magic byte!");
    }
  });

  private static ConsumerRecord<byte[], byte[]> letter(String topic, String key, String value, String stage, String reason) {
    ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>(topic, 0, 7, key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
    if (stage != null) {
      r.headers().add(DeadLetterHeaders.STAGE, stage.getBytes(StandardCharsets.UTF_8));
    }
    r.headers().add(DeadLetterHeaders.EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  @Test
  void readsTheStageReasonAndRevision() {
    DeadLetter d = watch.read(letter(Topics.ENRICHED_DLQ, "a1", "42", "index", "mapper_parsing_exception"));
    assertThat(d.stage()).isEqualTo("index");
    assertThat(d.reason()).isEqualTo("mapper_parsing_exception");
    assertThat(d.revision()).isEqualTo(42L);
    assertThat(d.topic()).isEqualTo(Topics.ENRICHED_DLQ);
  }

  @Test
  void anUndecodableRecordHasNoRevisionAndTheStageOfItsTopic() {
    DeadLetter d = watch.read(letter(Topics.SUBMITTED_DLQ, "b1", "{not avro}", null, "x".repeat(2000)));
    assertThat(d.revision()).isNull();
    assertThat(d.stage()).isEqualTo("enrich");
    assertThat(d.reason()).hasSizeLessThan(600);
  }

  @Test
  void keepsTheNewestRevisionPerArticle() {
    watch.record("a1", watch.read(letter(Topics.ENRICHED_DLQ, "a1", "50", "index", "second")));
    watch.record("a1", watch.read(letter(Topics.ENRICHED_DLQ, "a1", "40", "index", "replayed old one")));
    assertThat(watch.newest("a1")).get().extracting(DeadLetter::reason).isEqualTo("second");
    watch.record("a1", watch.read(letter(Topics.ENRICHED_DLQ, "a1", "60", "index", "third")));
    assertThat(watch.newest("a1")).get().extracting(DeadLetter::revision).isEqualTo(60L);
    assertThat(watch.newest("nobody")).isEmpty();
  }
}
