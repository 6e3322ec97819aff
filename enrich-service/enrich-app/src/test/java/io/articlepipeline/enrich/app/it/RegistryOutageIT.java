package io.articlepipeline.enrich.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.enrich.app.EnrichApplication;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.AvroDeserializer;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import io.articlepipeline.testing.StackEnv;
import io.articlepipeline.testing.TcpGate;
import io.articlepipeline.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The enrich service on the real Kafka and the real schema registry, reached through
 * {@link TcpGate}s that the test shuts (one for reading schemas, one for writing them): an
 * article that arrives while the registry is down waits for it (it is not dead-lettered) and is
 * enriched once the registry answers. The service runs in
 * the test JVM on topics, a group and a dead-letter topic of its own. Endpoints:
 * KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL (defaults: the local stack).
 */
class RegistryOutageIT {

  private static final String KAFKA = StackEnv.kafka();
  private static final String REGISTRY = StackEnv.registry();

  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final String in = run + ".articles.submitted";
  private final String out = run + ".articles.enriched";
  private final String dlq = in + ".dlq";

  @Test
  void anArticleArrivingWhileTheRegistryIsDownWaitsForItAndIsEnrichedNotDeadLettered() throws Exception {
    outage(true, true);
  }

  /**
   * The article is read (its schema fetched) but the enriched one cannot be written: the first
   * write after a start registers the enriched schema, and the registry went away in between.
   */
  @Test
  void writingTheEnrichedArticleWaitsForTheRegistryToo() throws Exception {
    outage(false, true);
  }

  /** The registry cut off for reading, writing or both; the article must come out once it is back. */
  private void outage(boolean reading, boolean writing) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
      admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1),
          new NewTopic(dlq, 1, (short) 1))).all().get();
    }
    try (TcpGate readGate = new TcpGate(URI.create(REGISTRY));
         TcpGate writeGate = new TcpGate(URI.create(REGISTRY));
         ConfigurableApplicationContext app = start(readGate.through(REGISTRY), writeGate.through(REGISTRY))) {
      if (reading) {
        readGate.shut();
      }
      if (writing) {
        writeGate.shut();
      }
      publish(ArticleSubmitted.newBuilder().setId("outage-1").setRevision(1)
          .setTitle("北京市红十字会开展应急救护培训").setBody("北京市红十字会在社区开展应急救护培训,志愿者参加。")
          .setSubmittedAt(Instant.parse("2026-11-28T10:00:00Z")).build());

      MeterRegistry meters = app.getBean(MeterRegistry.class);
      await("the stage reading the article").atMost(Duration.ofSeconds(60))
          .until(() -> meters.counter("pipeline.records.in", "stage", "enrich").count() >= 1);
      // it keeps waiting: nothing out, nothing dead-lettered, while the registry stays down
      assertThat(read(out, 1, Duration.ofSeconds(4))).isEmpty();
      assertThat(read(dlq, 1, Duration.ofSeconds(1))).as("an unreachable registry is no reason to dead-letter").isEmpty();

      readGate.open();
      writeGate.open();
      List<ConsumerRecord<String, byte[]>> enriched = read(out, 1, Duration.ofSeconds(60));
      assertThat(enriched).hasSize(1);
      assertThat(enriched.get(0).key()).isEqualTo("outage-1");
      ArticleEnriched article = (ArticleEnriched) deserializer().deserialize(out, enriched.get(0).value());
      assertThat(article.getOrganizations()).extracting(o -> o.getName()).contains("北京市红十字会");
      assertThat(read(dlq, 1, Duration.ofSeconds(2))).isEmpty();
    } finally {
      TopicReader.deleteRun(KAFKA, List.of(in, out, dlq), run);
    }
  }

  /** The service on this run's topics, reading and writing schemas through the given ways to the registry. */
  private ConfigurableApplicationContext start(String readRegistry, String writeRegistry) {
    return new SpringApplicationBuilder(EnrichApplication.class).run(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.cloud.stream.kafka.binder.brokers=" + KAFKA,
        "--spring.cloud.stream.bindings.enrichArticles-in-0.destination=" + in,
        "--spring.cloud.stream.bindings.enrichArticles-in-0.group=" + run,
        "--pipeline.enrich.output-topic=" + out,
        "--pipeline.enrich.dead-letter-topic=" + dlq,
        "--pipeline.enrich.serializer-config.schema.registry.url=" + writeRegistry,
        "--pipeline.enrich.deserializer-config.schema.registry.url=" + readRegistry,
        "--pipeline.enrich.registry-wait=2m");
  }

  /** Written through the registry itself: the record is good. */
  private void publish(ArticleSubmitted article) throws Exception {
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY), false);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(in, article.getId(), serializer.serialize(in, article))).get();
    }
  }

  private static AvroDeserializer deserializer() {
    AvroDeserializer d = new AvroDeserializer();
    d.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY, "specific.avro.reader", "true"), false);
    return d;
  }

  private List<ConsumerRecord<String, byte[]>> read(String topic, int expected, Duration wait) {
    return TopicReader.read(KAFKA, topic, run, expected, wait);
  }
}
