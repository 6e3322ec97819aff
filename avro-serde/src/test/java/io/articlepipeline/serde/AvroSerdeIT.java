package io.articlepipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serde against the real registry (Apicurio's Confluent API here; Confluent's in compose). */
class AvroSerdeIT {

  private static String registryUrl;
  private final String topic = "serde-it-" + UUID.randomUUID();

  @BeforeAll
  static void registry() {
    registryUrl = System.getenv("SCHEMA_REGISTRY_URL");
    if (registryUrl == null || registryUrl.isBlank()) {
      throw new IllegalStateException("SCHEMA_REGISTRY_URL is not set: run through ./pipeline test");
    }
  }

  private static Map<String, Object> config(boolean specific) {
    return Map.of("schema.registry.url", registryUrl, "specific.avro.reader", specific);
  }

  private AvroSerializer serializer() {
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(config(false), false);
    return serializer;
  }

  private AvroDeserializer deserializer() {
    AvroDeserializer deserializer = new AvroDeserializer();
    deserializer.configure(config(true), false);
    return deserializer;
  }

  @Test
  void roundTripsThroughTheRegistry() {
    ArticleSubmitted article = AvroSerdeTest.article();

    byte[] bytes = serializer().serialize(topic, article);
    Object read = deserializer().deserialize(topic, bytes);

    assertThat(read).isEqualTo(article);
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    Schema registered = new HttpSchemaRegistryClient(java.util.List.of(registryUrl)).byId(id);
    assertThat(registered).isEqualTo(ArticleSubmitted.getClassSchema());
    assertThat(new HttpSchemaRegistryClient(java.util.List.of(registryUrl)).latest(topic + "-value").id())
        .isEqualTo(id);
  }

  @Test
  void aFreshDeserializerReadsWhatAnotherProcessWrote() {
    byte[] bytes = serializer().serialize(topic, AvroSerdeTest.article());

    assertThat(deserializer().deserialize(topic, bytes)).isEqualTo(AvroSerdeTest.article());
  }

  @Test
  void namesAnUnknownSchemaId() {
    byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(987_654_321).put((byte) 0).array();

    assertThatThrownBy(() -> deserializer().deserialize(topic, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 987654321")
        .hasMessageContaining("404");
  }

  @Test
  void theRegistryRefusesAnIncompatibleSchema() throws Exception {
    Schema v1 = SchemaBuilder.record("Probe").namespace("io.articlepipeline.it").fields()
        .requiredString("a").endRecord();
    Schema v2 = SchemaBuilder.record("Probe").namespace("io.articlepipeline.it").fields()
        .requiredString("a").requiredInt("b").endRecord();
    AvroSerializer serializer = serializer();
    serializer.serialize(topic, record(v1));
    setBackward(topic + "-value");

    GenericRecord incompatible = record(v2);
    incompatible.put("b", 1);
    assertThatThrownBy(() -> serializer.serialize(topic, incompatible))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(topic + "-value")
        .hasMessageContaining("409");
  }

  @Test
  void theRegistryAcceptsACompatibleEvolution() throws Exception {
    Schema v1 = SchemaBuilder.record("Probe").namespace("io.articlepipeline.it").fields()
        .requiredString("a").endRecord();
    Schema v2 = SchemaBuilder.record("Probe").namespace("io.articlepipeline.it").fields()
        .requiredString("a").name("b").type().intType().intDefault(7).endRecord();
    AvroSerializer serializer = serializer();
    byte[] old = serializer.serialize(topic, record(v1));
    setBackward(topic + "-value");

    GenericRecord evolved = record(v2);
    evolved.put("b", 8);
    byte[] current = serializer.serialize(topic, evolved);

    assertThat(ByteBuffer.wrap(current, 1, 4).getInt()).isNotEqualTo(ByteBuffer.wrap(old, 1, 4).getInt());
    AvroDeserializer generic = new AvroDeserializer();
    generic.configure(config(false), false);
    assertThat(((GenericRecord) generic.deserialize(topic, old)).get("a").toString()).isEqualTo("x");
  }

  private static GenericRecord record(Schema schema) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("a", "x");
    return record;
  }

  private static void setBackward(String subject) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/config/" + subject))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\": \"BACKWARD\"}")).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
