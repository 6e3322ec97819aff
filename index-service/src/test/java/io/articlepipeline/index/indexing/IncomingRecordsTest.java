package io.articlepipeline.index.indexing;

import io.articlepipeline.support.deadletter.SourceRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.serde.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DeserializationException;

/** What the index stage makes of a value the deserializer could not read. */
class IncomingRecordsTest {

  private static final SourceRecord SOURCE = new SourceRecord("articles.enriched", 1, 42, "a1", 0L);
  private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.UTF_8);

  private static DeserializationException failure(Throwable cause) {
    return new DeserializationException("failed to deserialize", BYTES, false, cause);
  }

  @Test
  void bytesThatAreNotAvroAreUndecodableAndKeepTheirBytesAndReason() {
    IncomingRecord r = IncomingRecords.of(SOURCE, null, failure(new SerializationException("Unknown magic byte!")));

    assertThat(r).isInstanceOf(IncomingRecord.Undecodable.class);
    IncomingRecord.Undecodable u = (IncomingRecord.Undecodable) r;
    assertThat(u.originalValue()).isEqualTo(BYTES);
    assertThat(u.message()).contains("magic byte");
  }

  @Test
  void aSchemaIdTheRegistryDoesNotKnowIsUndecodable() {
    SerializationException e = new SerializationException("Cannot read a record with schema id 99",
        new SchemaRegistryException("Schema 99 not found", 404, 40403, null));

    assertThat(IncomingRecords.of(SOURCE, null, failure(e))).isInstanceOf(IncomingRecord.Undecodable.class);
  }

  @Test
  void anUnreachableRegistryFailsTheBatchSoItIsReadAgainInsteadOfDeadLettered() {
    SerializationException e = new SerializationException("Cannot read a record with schema id 2",
        new SchemaRegistryException("Schema registry unreachable at http://127.0.0.1:8081/", 0, -1, null));

    assertThatThrownBy(() -> IncomingRecords.of(SOURCE, null, failure(e)))
        .isInstanceOf(IndexingFailedException.class)
        .hasMessageContaining("schema registry is unreachable").hasMessageContaining("offset=42");
  }
}
