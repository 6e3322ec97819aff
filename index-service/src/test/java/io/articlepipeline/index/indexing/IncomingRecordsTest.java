package io.articlepipeline.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.SchemaRegistryException;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What the index stage makes of the bytes it read. */
class IncomingRecordsTest {

  private static final SourceRecord SOURCE = new SourceRecord("articles.enriched", 1, 42, "a1", 0L);
  private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.UTF_8);
  private static final ArticleEnriched ARTICLE = Articles.article("a1", 3).build();

  private static RecordDecoder<ArticleEnriched> failing(RuntimeException e) {
    return new RecordDecoder<>((topic, bytes) -> {
      throw e;
    }, ArticleEnriched.class);
  }

  @Test
  void anArticleKeepsTheBytesItWasReadAs() {
    IncomingRecord r = IncomingRecords.of(SOURCE, BYTES, new RecordDecoder<>((t, b) -> ARTICLE, ArticleEnriched.class));

    assertThat(r).isInstanceOfSatisfying(IncomingRecord.Article.class, a -> {
      assertThat(a.article()).isSameAs(ARTICLE);
      assertThat(a.originalValue()).isEqualTo(BYTES);
    });
  }

  @Test
  void aNullValueIsATombstone() {
    assertThat(IncomingRecords.of(SOURCE, null, failing(new IllegalStateException("never called"))))
        .isInstanceOf(IncomingRecord.Tombstone.class);
  }

  @Test
  void bytesThatAreNotAvroAreUndecodableAndKeepTheirBytesAndReason() {
    IncomingRecord r = IncomingRecords.of(SOURCE, BYTES, failing(new SerializationException("Unknown magic byte!")));

    assertThat(r).isInstanceOfSatisfying(IncomingRecord.Undecodable.class, u -> {
      assertThat(u.originalValue()).isEqualTo(BYTES);
      assertThat(u.message()).contains("magic byte");
    });
  }

  @Test
  void aValueOfAnotherTypeIsUndecodable() {
    IncomingRecord r = IncomingRecords.of(SOURCE, BYTES, new RecordDecoder<>((t, b) -> "a string", ArticleEnriched.class));

    assertThat(r).isInstanceOf(IncomingRecord.Undecodable.class);
  }

  @Test
  void aSchemaIdTheRegistryDoesNotKnowIsUndecodable() {
    SerializationException e = new SerializationException("Cannot read a record with schema id 99",
        new SchemaRegistryException("Schema 99 not found", 404, 40403, null));

    assertThat(IncomingRecords.of(SOURCE, BYTES, failing(e))).isInstanceOf(IncomingRecord.Undecodable.class);
  }

  @Test
  void anUnreachableRegistryFailsTheBatchSoItIsReadAgainInsteadOfDeadLettered() {
    SerializationException e = new SerializationException("Cannot read a record with schema id 2",
        new SchemaRegistryException("Schema registry unreachable at http://127.0.0.1:8081/", 0, -1, null));

    assertThatThrownBy(() -> IncomingRecords.of(SOURCE, BYTES, failing(e)))
        .isInstanceOf(IndexingFailedException.class)
        .hasMessageContaining("schema registry is unreachable").hasMessageContaining("offset=42");
  }
}
