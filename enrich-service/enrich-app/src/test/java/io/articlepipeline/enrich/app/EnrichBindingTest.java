package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.schemas.serde.AvroDeserializer;
import io.articlepipeline.schemas.serde.AvroSerdeConfig;
import io.articlepipeline.schemas.serde.AvroSerializer;
import io.articlepipeline.schemas.serde.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The enrich stage's wiring on Spring Cloud Stream's test binder: bytes in the Confluent wire
 * format on the input binding come out as bytes in the same format, an enriched article keyed by
 * its id. (The stage decodes and encodes itself; the producer writes the bytes as they are.)
 */
@SpringBootTest(properties = {
    "spring.cloud.stream.default-binder=integration",
    "pipeline.enrich.value-deserializer=io.articlepipeline.enrich.app.EnrichBindingTest$FixedSchemaDeserializer",
    "pipeline.enrich.value-serializer=io.articlepipeline.enrich.app.EnrichBindingTest$FixedSchemaSerializer",
    "management.health.binders.enabled=false"})
@Import(TestChannelBinderConfiguration.class)
class EnrichBindingTest {

  /** The two schemas of the stage under fixed ids (1 submitted, 2 enriched): no registry needed. */
  static final SchemaRegistryClient FIXED = new SchemaRegistryClient() {
    @Override
    public int register(String subject, Schema schema) {
      return lookup(subject, schema);
    }

    @Override
    public int lookup(String subject, Schema schema) {
      return schema.equals(ArticleEnriched.getClassSchema()) ? 2 : 1;
    }

    @Override
    public RegisteredSchema latest(String subject) {
      throw new UnsupportedOperationException("the stage never asks for the latest version");
    }

    @Override
    public Schema byId(int id) {
      return id == 2 ? ArticleEnriched.getClassSchema() : ArticleSubmitted.getClassSchema();
    }
  };
  static final AvroSerdeConfig CONFIG = new AvroSerdeConfig(java.util.List.of("mem://"), true, false, true);

  /** Reads the wire format with the fixed schemas. */
  public static class FixedSchemaDeserializer implements Deserializer<Object> {
    private final AvroDeserializer delegate = new AvroDeserializer(FIXED, CONFIG);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
      return delegate.deserialize(topic, data);
    }
  }

  /** Writes the wire format with the fixed schemas. */
  public static class FixedSchemaSerializer implements Serializer<Object> {
    private final AvroSerializer delegate = new AvroSerializer(FIXED, CONFIG);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public byte[] serialize(String topic, Object data) {
      return delegate.serialize(topic, data);
    }
  }

  @Autowired
  InputDestination input;
  @Autowired
  OutputDestination output;

  @Test
  void aSubmittedArticleLeavesEnrichedAndKeyedByItsId() throws Exception {
    ArticleSubmitted article = ArticleSubmitted.newBuilder().setId("bind-1").setRevision(3)
        .setTitle("北京市红十字会开展应急救护培训").setBody("北京市红十字会在社区开展应急救护培训,志愿者参加。")
        .setSubmittedAt(Instant.parse("2026-11-28T10:00:00Z")).build();

    input.send(MessageBuilder.withPayload(wire(article)).setHeader(KafkaHeaders.RECEIVED_KEY, "bind-1")
        .setHeader(KafkaHeaders.RECEIVED_TOPIC, "articles.submitted").build(), "articles.submitted");
    Message<?> out = output.receive(10_000, "articles.enriched");

    assertThat(out).isNotNull();
    assertThat(out.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("bind-1");
    assertThat(out.getPayload()).isInstanceOf(byte[].class);
    byte[] bytes = (byte[]) out.getPayload();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("the enriched schema's id").isEqualTo(2);
    Object payload = new FixedSchemaDeserializer().deserialize("articles.enriched", bytes);
    assertThat(payload).isInstanceOfSatisfying(ArticleEnriched.class, enriched -> {
      assertThat(enriched.getRevision()).isEqualTo(3);
      assertThat(enriched.getOrganizations()).extracting(o -> o.getName()).contains("北京市红十字会");
      assertThat(enriched.getKeywords()).isNotEmpty();
    });
  }

  private static byte[] wire(ArticleSubmitted article) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(ByteBuffer.allocate(5).put((byte) 0).putInt(1).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<>(ArticleSubmitted.class).write(article, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }
}
