package io.articlepipeline.enrich.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.enrich.app.EnrichApplication;
import io.articlepipeline.enrich.app.reprocess.Reprocessor;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.AvroDeserializer;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import io.articlepipeline.testing.StackEnv;
import io.articlepipeline.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reprocessing beside the live stage, the enrich service in the test JVM on the real Kafka and
 * registry, on topics and groups of its own (two partitions). Articles: A, B (retracted), C (two
 * revisions), D, E, F, all enriched by the live stage first. While the reprocess enriches its first
 * batch, A is retracted and E submitted again, and the live stage writes both (the test waits for
 * them on the output topic); only then does the reprocess write its batch. A reprocess stopped in
 * the middle (the service closed) goes on when the service starts again; one waits while the next
 * stage's group is far behind on the output topic. Endpoints:
 * KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL (defaults: the local stack).
 */
class ReprocessIT {

  private static final String KAFKA = StackEnv.kafka();
  private static final String REGISTRY = StackEnv.registry();
  private static final String TOKEN = "reprocess-it-ops";

  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final String in = run + ".articles.submitted";
  private final String out = run + ".articles.enriched";
  private final String dlq = in + ".dlq";
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final AvroSerializer serializer = new AvroSerializer();

  @BeforeEach
  void topics() throws Exception {
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY), false);
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
      admin.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(out, 2, (short) 1),
          new NewTopic(dlq, 1, (short) 1))).all().get();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    TopicReader.deleteRun(KAFKA, List.of(in, out, dlq), run);
  }

  @Test
  void aRetractionOrRevisionTheLiveStageWritesDuringTheReprocessIsNeverUndoneByIt() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      publishAll();
      awaitLiveCommitted(8);
      List<ConsumerRecord<String, byte[]>> before = read(out, 8);

      AtomicBoolean first = new AtomicBoolean(true);
      app.getBean(Reprocessor.class).hook(keys -> {
        if (first.getAndSet(false)) {
          // the live stage goes on meanwhile: A retracted, E's second revision, both written before the batch
          publish("A", null);
          publish("E", article("E", 2, "深圳市慈善会发布第二版通知。"));
          await().atMost(Duration.ofSeconds(60)).until(() -> read(out, 10).size() >= 10);
        }
      });
      JsonNode done = reprocess(app, "");
      assertThat(done.path("articles").asLong()).as(done.toString()).isEqualTo(5);
      assertThat(done.path("records").asLong()).isEqualTo(8);
      assertThat(done.path("percent").asDouble()).isEqualTo(100.0);

      Map<String, ConsumerRecord<String, byte[]>> last = new LinkedHashMap<>();
      Map<String, Integer> writes = new HashMap<>();
      List<ConsumerRecord<String, byte[]>> all = read(out, 10 + (int) done.path("reprocessed").asLong());
      for (ConsumerRecord<String, byte[]> r : all) {
        last.put(r.key(), r);
        writes.merge(r.key(), 1, Integer::sum);
      }
      assertThat(last.get("A").value()).as("A's retraction stays the last word").isNull();
      assertThat(last.get("B").value()).as("an article retracted before the reprocess is not brought back").isNull();
      assertThat(revision(last.get("C"))).as("only C's latest revision is enriched again").isEqualTo(2);
      assertThat(revision(last.get("E"))).as("E's revision written by the live stage stays").isEqualTo(2);
      assertThat(writes.get("C")).isEqualTo(3);
      assertThat(writes.get("D")).as("D enriched again").isEqualTo(2);
      assertThat(writes.get("E")).isEqualTo(2);
      assertThat(writes.get("F")).isEqualTo(2);
      assertThat(done.path("reprocessed").asLong()).as(done.toString()).isEqualTo(3);
      assertThat(done.path("leftToLive").asLong()).as("A and E: the live stage wrote newer records").isEqualTo(2);
      assertThat(before).hasSize(8);
      assertThat(groups()).as("the reprocess's group is deleted when done").doesNotContain(run + "-reprocess");
    }
  }

  @Test
  void aReprocessInterruptedByAStopGoesOnWhenTheServiceStartsAgain() throws Exception {
    CountDownLatch stopping = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    try (ConfigurableApplicationContext app = start()) {
      publishAll();
      awaitLiveCommitted(8);
      app.getBean(Reprocessor.class).hook(keys -> {
        // the first batch: nothing written yet, only the plan kept
        if (batches.incrementAndGet() == 1) {
          stopping.countDown();
          // the service stops here: the executor is shut down, which interrupts this wait
          Thread.sleep(120_000);
        }
      });
      assertThat(post(app, "").statusCode()).isEqualTo(202);
      assertThat(stopping.await(60, TimeUnit.SECONDS)).isTrue();
      HttpResponse<String> second = post(app, "");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
      assertThat(json.readTree(second.body()).path("error").asText()).contains("under way");
      assertThat(post(app, "?since=yesterday").statusCode()).isEqualTo(400);
    }
    Map<TopicPartition, OffsetAndMetadata> kept;
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
      kept = admin.listConsumerGroupOffsets(run + "-reprocess").partitionsToOffsetAndMetadata().get();
    }
    assertThat(kept).as("progress and plan kept in the reprocess's group").isNotEmpty();
    assertThat(kept.values()).anyMatch(o -> o.metadata().startsWith("reprocess/1 "));

    try (ConfigurableApplicationContext again = start()) {
      JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .until(() -> status(again), s -> s.path("phase").asText().equals("done"));
      assertThat(done.path("resumed").asBoolean()).isTrue();
      assertThat(done.path("articles").asLong()).isEqualTo(5);
      Map<String, Integer> writes = new HashMap<>();
      Map<String, ConsumerRecord<String, byte[]>> last = new LinkedHashMap<>();
      for (ConsumerRecord<String, byte[]> r : read(out, 13)) {
        writes.merge(r.key(), 1, Integer::sum);
        last.put(r.key(), r);
      }
      // every latest article enriched again at least once, across the two runs
      for (String id : List.of("A", "C", "D", "E", "F")) {
        assertThat(writes.get(id)).as(id).isGreaterThanOrEqualTo(id.equals("C") ? 3 : 2);
      }
      assertThat(last.get("B").value()).isNull();
      assertThat(revision(last.get("C"))).isEqualTo(2);
    }
  }

  /**
   * The next stage's group far behind on the output topic: the reprocess waits, writing nothing;
   * once the group is gone (caught up, or removed), it goes on.
   */
  @Test
  void aReprocessWaitsWhileTheNextStageIsFarBehindOnTheOutputTopic() throws Exception {
    String downstream = run + "-index";
    try (ConfigurableApplicationContext app = start("--pipeline.enrich.reprocess-downstream-group=" + downstream,
        "--pipeline.enrich.reprocess-downstream-lag=1")) {
      publishAll();
      awaitLiveCommitted(8);
      try (KafkaConsumer<byte[], byte[]> index = new KafkaConsumer<>(Map.<String, Object>of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ConsumerConfig.GROUP_ID_CONFIG, downstream),
          new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        index.commitSync(Map.of(new TopicPartition(out, 0), new OffsetAndMetadata(0),
            new TopicPartition(out, 1), new OffsetAndMetadata(0)));
      }
      assertThat(post(app, "").statusCode()).isEqualTo(202);
      JsonNode waiting = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> status(app), s -> s.path("waitedForLiveMillis").asLong() >= 2000);
      assertThat(waiting.path("phase").asText()).isEqualTo("reprocessing");
      assertThat(waiting.path("reprocessed").asLong()).isZero();
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
        admin.deleteConsumerGroups(List.of(downstream)).all().get();
      }
      JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> status(app), s -> s.path("phase").asText().equals("done"));
      assertThat(done.path("reprocessed").asLong()).isEqualTo(5);
    }
  }

  private void publishAll() throws Exception {
    publish("A", article("A", 1, "北京市红十字会开展应急救护培训。"));
    publish("B", article("B", 1, "上海市慈善基金会发布年度报告。"));
    publish("B", null);
    publish("C", article("C", 1, "中国青少年发展基金会启动希望工程。"));
    publish("C", article("C", 2, "中国青少年发展基金会启动希望工程第二期。"));
    publish("D", article("D", 1, "广州市志愿者协会组织社区服务。"));
    publish("E", article("E", 1, "深圳市慈善会发布通知。"));
    publish("F", article("F", 1, "杭州市红十字会招募志愿者。"));
  }

  private static ArticleSubmitted article(String id, long revision, String body) {
    return ArticleSubmitted.newBuilder().setId(id).setRevision(revision).setTitle("测试" + id).setBody(body)
        .setSubmittedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
  }

  private void publish(String key, ArticleSubmitted article) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(in, key, article == null ? null : serializer.serialize(in, article))).get();
    }
  }

  /** The live group has committed everything: the reprocess's plan then covers all of it. */
  private void awaitLiveCommitted(int records) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
        return admin.listConsumerGroupOffsets(run).partitionsToOffsetAndMetadata().get().values().stream()
            .mapToLong(OffsetAndMetadata::offset).sum() >= records;
      }
    });
  }

  private List<String> groups() throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
      return admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
    }
  }

  private long revision(ConsumerRecord<String, byte[]> record) {
    AvroDeserializer d = new AvroDeserializer();
    d.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY, "specific.avro.reader", "true"), false);
    return ((ArticleEnriched) d.deserialize(out, record.value())).getRevision();
  }

  private JsonNode reprocess(ConfigurableApplicationContext app, String query) throws Exception {
    HttpResponse<String> started = post(app, query);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(json.readTree(started.body()).path("phase").asText()).isEqualTo("scanning");
    return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
        .until(() -> status(app), s -> {
          assertThat(s.path("phase").asText()).as(s.toString()).isNotEqualTo("failed");
          return s.path("phase").asText().equals("done");
        });
  }

  private HttpResponse<String> post(ConfigurableApplicationContext app, String query) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(app, "/api/enrich/reprocess" + query))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode status(ConfigurableApplicationContext app) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(app, "/api/enrich/reprocess"))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private static URI uri(ConfigurableApplicationContext app, String path) {
    return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--pipeline.auth.tokens.ops=" + TOKEN,
        "--spring.cloud.stream.kafka.binder.brokers=" + KAFKA,
        "--spring.cloud.stream.bindings.enrichArticles-in-0.destination=" + in,
        "--spring.cloud.stream.bindings.enrichArticles-in-0.group=" + run,
        "--pipeline.enrich.output-topic=" + out,
        "--pipeline.enrich.dead-letter-topic=" + dlq,
        "--pipeline.enrich.reprocess-group=" + run + "-reprocess",
        "--pipeline.enrich.reprocess-batch=1",
        "--pipeline.enrich.serializer-config.schema.registry.url=" + REGISTRY,
        "--pipeline.enrich.deserializer-config.schema.registry.url=" + REGISTRY));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(EnrichApplication.class).run(args.toArray(String[]::new));
  }

  private List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
    return TopicReader.read(KAFKA, topic, run + "-read-" + UUID.randomUUID(), expected, Duration.ofSeconds(10));
  }
}
