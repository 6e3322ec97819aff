package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.AvroDeserializer;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import io.articlepipeline.serde.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.support.deadletter.DeadLetter;
import io.articlepipeline.support.deadletter.DeadLetterPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.support.KafkaNull;
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
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The enrich stage's wiring on Spring Cloud Stream's test binder, a batch as the Kafka binder
 * delivers one: bytes in the Confluent wire format come out through the stage's producer (Kafka's
 * MockProducer here) as bytes in the same format, an enriched article keyed by its id, in the
 * order read; a tombstone stays a tombstone; bytes that are not Avro become a dead letter of
 * their own and do not hold the others back.
 */
@SpringBootTest(properties = {
    "spring.cloud.stream.default-binder=integration",
    "spring.cloud.stream.kafka.binder.auto-create-topics=false",
    "pipeline.enrich.value-deserializer=io.articlepipeline.enrich.app.EnrichBindingTest$FixedSchemaDeserializer",
    "pipeline.enrich.value-serializer=io.articlepipeline.enrich.app.EnrichBindingTest$FixedSchemaSerializer",
    "management.health.binders.enabled=false"})
@Import({TestChannelBinderConfiguration.class, EnrichBindingTest.Outputs.class})
class EnrichBindingTest {

  /** Where the stage writes: in memory instead of a broker. */
  @TestConfiguration
  static class Outputs {
    @Bean
    @Primary
    MockProducer<String, byte[]> testProducer() {
      return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    @Primary
    RecordingDeadLetters testDeadLetters() {
      return new RecordingDeadLetters();
    }
  }

  static class RecordingDeadLetters implements DeadLetterPublisher {
    final List<DeadLetter> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<DeadLetter> deadLetters) {
      published.addAll(deadLetters);
    }
  }

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
  MockProducer<String, byte[]> producer;
  @Autowired
  RecordingDeadLetters deadLetters;

  @Test
  void aBatchLeavesEnrichedInOrderWithItsTombstoneAndItsBadRecordDeadLettered() throws Exception {
    ArticleSubmitted article = ArticleSubmitted.newBuilder().setId("bind-1").setRevision(3)
        .setTitle("北京市红十字会开展应急救护培训").setBody("北京市红十字会在社区开展应急救护培训,志愿者参加。")
        .setSubmittedAt(Instant.parse("2026-11-28T10:00:00Z")).build();
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    List<Object> values = new ArrayList<>(List.of(garbage, wire(article)));
    values.add(KafkaNull.INSTANCE);

    input.send(MessageBuilder.withPayload(values)
        .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("bad-1", "bind-1", "gone-1"))
        .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("articles.submitted", "articles.submitted", "articles.submitted"))
        .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 0, 0))
        .setHeader(KafkaHeaders.OFFSET, List.of(7L, 8L, 9L))
        .build(), "articles.submitted");

    assertThat(producer.history()).extracting(r -> r.key()).containsExactly("bind-1", "gone-1");
    ProducerRecord<String, byte[]> out = producer.history().get(0);
    assertThat(out.topic()).isEqualTo("articles.enriched");
    assertThat(ByteBuffer.wrap(out.value(), 1, 4).getInt()).as("the enriched schema's id").isEqualTo(2);
    Object payload = new FixedSchemaDeserializer().deserialize("articles.enriched", out.value());
    assertThat(payload).isInstanceOfSatisfying(ArticleEnriched.class, enriched -> {
      assertThat(enriched.getRevision()).isEqualTo(3);
      assertThat(enriched.getOrganizations()).extracting(o -> o.getName()).contains("北京市红十字会");
      assertThat(enriched.getKeywords()).isNotEmpty();
    });
    assertThat(producer.history().get(1).value()).as("a tombstone stays a tombstone").isNull();

    assertThat(deadLetters.published).singleElement().satisfies(letter -> {
      assertThat(letter.value()).isEqualTo(garbage);
      assertThat(letter.source().offset()).isEqualTo(7L);
      assertThat(new String(letter.headers().get(DeadLetterHeaders.STAGE), StandardCharsets.UTF_8)).isEqualTo("enrich");
      assertThat(new String(letter.headers().get(DeadLetterHeaders.EXCEPTION_MESSAGE), StandardCharsets.UTF_8))
          .contains("magic byte");
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
