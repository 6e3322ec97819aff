package io.articlepipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private static final String TOPIC = "articles.submitted";
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final AvroSerializer serializer =
      new AvroSerializer(registry, new AvroSerdeConfig(List.of("mem://"), true, false, false));
  private final AvroDeserializer specificReader =
      new AvroDeserializer(registry, new AvroSerdeConfig(List.of("mem://"), true, false, true));
  private final AvroDeserializer genericReader =
      new AvroDeserializer(registry, new AvroSerdeConfig(List.of("mem://"), true, false, false));

  static ArticleSubmitted article() {
    return ArticleSubmitted.newBuilder()
        .setId("a-1").setRevision(3).setTitle("郑州上街区").setBody("志愿服务")
        .setSubmittedAt(Instant.parse("2026-11-28T10:15:30.123Z"))
        .setPublishedAt(Instant.parse("2021-09-01T00:00:00Z"))
        .setSource("中国公益报道网")
        .build();
  }

  @Test
  void writesMagicByteAndSchemaIdBeforeTheAvroBody() {
    byte[] bytes = serializer.serialize(TOPIC, article());

    assertThat(bytes[0]).isEqualTo((byte) 0);
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(registry.byId(id)).isEqualTo(ArticleSubmitted.getClassSchema());
    assertThat(registry.latest("articles.submitted-value").id()).isEqualTo(id);
  }

  @Test
  void roundTripsAGeneratedRecordWithItsLogicalTypes() {
    ArticleSubmitted read = (ArticleSubmitted) specificReader.deserialize(TOPIC, serializer.serialize(TOPIC, article()));

    assertThat(read).isEqualTo(article());
    assertThat(read.getSubmittedAt()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123Z").truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void readsGenericRecordsWhenSpecificReaderIsOff() {
    Object read = genericReader.deserialize(TOPIC, serializer.serialize(TOPIC, article()));

    assertThat(read).isInstanceOf(GenericRecord.class);
    assertThat(((GenericRecord) read).get("title").toString()).isEqualTo("郑州上街区");
  }

  @Test
  void keepsTombstonesNull() {
    assertThat(serializer.serialize(TOPIC, null)).isNull();
    assertThat(specificReader.deserialize(TOPIC, null)).isNull();
  }

  @Test
  void refusesBytesWithoutTheMagicByte() {
    assertThatThrownBy(() -> specificReader.deserialize(TOPIC, "{\"id\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x7b")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void refusesRecordsTooShortForAHeader() {
    assertThatThrownBy(() -> specificReader.deserialize(TOPIC, new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void namesTheSchemaIdTheRegistryDoesNotKnow() {
    byte[] bytes = serializer.serialize(TOPIC, article());
    ByteBuffer.wrap(bytes).putInt(1, 999);

    assertThatThrownBy(() -> specificReader.deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 999");
  }

  @Test
  void refusesTruncatedAvroBodies() {
    byte[] bytes = serializer.serialize(TOPIC, article());
    byte[] cut = java.util.Arrays.copyOf(bytes, 12);

    assertThatThrownBy(() -> specificReader.deserialize(TOPIC, cut))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not valid Avro");
  }

  @Test
  void readsRecordsWrittenWithAnOlderSchemaIntoTheCurrentClass() {
    Schema v1 = SchemaBuilder.record("ArticleSubmitted").namespace("io.articlepipeline.schemas.avro").fields()
        .requiredString("id").requiredLong("revision").requiredString("title").requiredString("body")
        .name("submittedAt").type(org.apache.avro.LogicalTypes.timestampMillis()
            .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
        .endRecord();
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "old-1");
    old.put("revision", 1L);
    old.put("title", "t");
    old.put("body", "b");
    old.put("submittedAt", 1_700_000_000_000L);

    ArticleSubmitted read = (ArticleSubmitted) specificReader.deserialize(TOPIC, serializer.serialize(TOPIC, old));

    assertThat(read.getId()).isEqualTo("old-1");
    assertThat(read.getSource()).isNull();
    assertThat(read.getContentType()).isEqualTo("application/json");
  }

  @Test
  void writesWithTheLatestRegisteredSchemaWhenAsked() {
    int id = registry.register("articles.submitted-value", ArticleSubmitted.getClassSchema());
    AvroSerializer latest = new AvroSerializer(registry, new AvroSerdeConfig(List.of("mem://"), false, true, false));

    byte[] bytes = latest.serialize(TOPIC, article());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void refusesValuesThatAreNotAvro() {
    assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain string"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void configNamesTheMissingRegistryUrl() {
    assertThatThrownBy(() -> new AvroSerializer().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void configReadsConfluentKeys() {
    AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
        "schema.registry.url", "http://a:8081, http://b:8081",
        "auto.register.schemas", "false",
        "use.latest.version", true,
        "specific.avro.reader", "true"));

    assertThat(config.registryUrls()).containsExactly("http://a:8081", "http://b:8081");
    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.useLatestVersion()).isTrue();
    assertThat(config.specificAvroReader()).isTrue();
  }

  @Test
  void configRefusesNonBooleanFlags() {
    assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("schema.registry.url", "http://a", "specific.avro.reader", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("specific.avro.reader");
  }
}
