package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.index.indexing.Articles;
import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import io.articlepipeline.testing.StackEnv;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index stage on the real Kafka, registry and Elasticsearch: records on a topic of its own are
 * indexed, replays of older revisions do not win, tombstones delete, and bad records end up on the
 * dead-letter topic with their reason. Endpoints: KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL,
 * ELASTICSEARCH_URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexArticlesIT {

  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final String topic = run + ".articles.enriched";  // as IndexServiceApp names it
  private final String dlqTopic = topic + ".dlq";
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private IndexServiceApp app;
  private String baseUrl;

  @BeforeAll
  void start() throws Exception {
    app = IndexServiceApp.start(run);
    baseUrl = app.baseUrl;
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private ArticleEnriched article(String id, long revision, String title, String body) {
    return IndexServiceApp.article(id, revision, title, body).build();
  }

  @Test
  void indexesReplaysDeletesAndDeadLetters() throws Exception {
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, StackEnv.registry()), false);
    byte[] garbage = {0, 0, 0, 0x7f, 0x7f, 1, 2, 3};
    ArticleEnriched outOfRangeDate = Articles.article("bad-date", 1)
        .setPublishedAt(Instant.ofEpochMilli(Long.MAX_VALUE / 4)).build();

    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackEnv.kafka());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      List<ProducerRecord<String, byte[]>> records = List.of(
          message("a1", serializer.serialize(topic, article("a1", 2, "郑州市志愿服务队走进社区",
              "上街区新时代文明实践中心组织志愿服务队走进社区，为老人义诊。<script>alert(1)</script>"))),
          message("a1", serializer.serialize(topic, article("a1", 1, "旧标题", "旧内容"))),
          message("a2", serializer.serialize(topic, article("a2", 1, "Red Cross volunteers help flood victims",
              "The Red Cross sent volunteers to help families after the flood."))),
          message("a3", serializer.serialize(topic, article("a3", 1, "将被撤回的文章", "这篇文章会被撤回。"))),
          message("a3", null),
          message("bad-date", serializer.serialize(topic, outOfRangeDate)),
          message("garbage", garbage));
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r).get();
      }
    }

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> get("/api/articles/a2").statusCode() == 200 && get("/api/articles/a3").statusCode() == 404);

    JsonNode a1 = json.readTree(get("/api/articles/a1").body());
    assertThat(a1.get("revision").asLong()).as("the older revision replayed later does not win").isEqualTo(2);
    assertThat(a1.get("title").asString()).isEqualTo("郑州市志愿服务队走进社区");
    assertThat(a1.get("organizations").get(0).get("name").asString()).isEqualTo("郑州市上街区新时代文明实践中心");

    HttpResponse<String> missing = get("/api/articles/a3");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).get("error").asString()).isEqualTo("article not found");

    await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(search("志愿服务").body()).get("total").asLong() >= 1);
    JsonNode result = json.readTree(search("志愿服务").body());
    JsonNode hit = result.get("hits").get(0);
    assertThat(hit.get("id").asString()).isEqualTo("a1");
    assertThat(hit.get("snippet").asString()).contains("<mark>").contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(hit.get("keywords").toString()).contains("志愿服务");
    assertThat(hit.get("organizations").get(0).get("name").asString()).isEqualTo("郑州市上街区新时代文明实践中心");
    assertThat(result.has("took")).isTrue();

    // a get by id is real time, a search sees a document only after the next refresh
    await().atMost(Duration.ofSeconds(30))
        .until(() -> json.readTree(search("red cross volunteers").body()).get("total").asLong() >= 1);
    JsonNode english = json.readTree(search("red cross volunteers").body());
    assertThat(english.get("hits").get(0).get("id").asString()).isEqualTo("a2");

    List<ConsumerRecord<String, byte[]>> letters = app.deadLetters(2, Duration.ofSeconds(30));
    assertThat(letters).hasSize(2);
    ConsumerRecord<String, byte[]> dateLetter = letters.stream()
        .filter(r -> r.key().equals("bad-date")).findFirst().orElseThrow();
    assertThat(header(dateLetter, DeadLetterHeaders.STAGE)).isEqualTo("index");
    assertThat(header(dateLetter, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("publishedAt");
    assertThat(header(dateLetter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(ByteBuffer.wrap(dateLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong())
        .isEqualTo(5);
    ConsumerRecord<String, byte[]> garbageLetter = letters.stream()
        .filter(r -> r.key().equals("garbage")).findFirst().orElseThrow();
    assertThat(garbageLetter.value()).isEqualTo(garbage);
    assertThat(header(garbageLetter, DeadLetterHeaders.EXCEPTION_FQCN)).contains("SerializationException");
    assertThat(ByteBuffer.wrap(garbageLetter.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value()).getLong())
        .isEqualTo(6);
  }

  @Test
  void startingAgainKeepsTheLayoutAndItsDocuments() throws Exception {
    io.articlepipeline.index.elastic.IndexAdmin admin =
        app.context.getBean(io.articlepipeline.index.elastic.IndexAdmin.class);
    long before = admin.count(admin.layout().readAlias());
    admin.ensureLayout();
    admin.ensureLayout();
    assertThat(admin.readIndex()).contains(admin.layout().indexName(1));
    assertThat(admin.writeIndex()).contains(admin.layout().indexName(1));
    assertThat(admin.count(admin.layout().readAlias())).isEqualTo(before);
    // freshness: the write index refreshes as configured, not at Elasticsearch's default 1s
    var settings = app.context.getBean(co.elastic.clients.elasticsearch.ElasticsearchClient.class).indices()
        .getSettings(g -> g.index(admin.layout().indexName(1))).get(admin.layout().indexName(1)).settings();
    assertThat(settings.index().refreshInterval().time()).isEqualTo("500ms");
  }

  /**
   * An index made from an older version of the mappings: a start adds the fields it lacks, though
   * the shipped mappings also change fields in ways Elasticsearch refuses in place (the tokens'
   * index options, the organizations' sub-fields), which stay as they were until a rebuild.
   */
  @Test
  void aStartAddsTheFieldsAnOlderIndexLacksWhenOthersCannotChangeInPlace() throws Exception {
    String prefix = run + "-older-v";
    io.articlepipeline.index.elastic.IndexLayout layout = new io.articlepipeline.index.elastic.IndexLayout(
        run + "-older", run + "-older-write", prefix, run + "-older", 1, 0, "500ms");
    String index = layout.indexName(1);
    String olderMappings = """
        {"dynamic": "strict", "properties": {
          "id": {"type": "keyword"},
          "tokens": {"type": "text", "analyzer": "whitespace"},
          "organizations": {"properties": {"name": {"type": "keyword"}, "type": {"type": "keyword"}}}}}""";
    HttpResponse<String> created = es("PUT", "/" + index, "{\"mappings\": " + olderMappings + ", \"aliases\": {\""
        + layout.readAlias() + "\": {}, \"" + layout.writeAlias() + "\": {\"is_write_index\": true}}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    try {
      new io.articlepipeline.index.elastic.IndexAdmin(
          app.context.getBean(co.elastic.clients.elasticsearch.ElasticsearchClient.class), layout).ensureLayout();

      JsonNode properties = json.readTree(es("GET", "/" + index + "/_mapping", null).body())
          .path(index).path("mappings").path("properties");
      assertThat(properties.has("story")).as(properties.toString()).isTrue();
      assertThat(properties.has("titleTokens")).as(properties.toString()).isTrue();
      assertThat(properties.path("keywords").path("enabled").asBoolean(true)).isFalse();
      // refused in place, kept as they were
      assertThat(properties.path("tokens").has("index_options")).as(properties.toString()).isFalse();
      assertThat(properties.path("organizations").path("properties").path("name").has("index")).isFalse();
      HttpResponse<String> doc = es("PUT", "/" + layout.writeAlias() + "/_doc/a?refresh=true",
          "{\"id\": \"a\", \"story\": \"s\", \"titleTokens\": \"标题\", \"tokens\": \"志愿 服务\","
              + " \"keywords\": [{\"text\": \"志愿服务\", \"score\": 0.5}]}");
      assertThat(doc.statusCode()).as(doc.body()).isEqualTo(201);
    } finally {
      es("DELETE", "/" + index, null);
      es("DELETE", "/_index_template/" + layout.templateName(), null);
    }
  }

  private HttpResponse<String> es(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(StackEnv.elasticsearch() + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void badSearchInputGets400NotA500() throws Exception {
    assertThat(get("/api/search?size=100000").statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=x&unknown=1").statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=" + enc("字".repeat(1000))).statusCode()).isEqualTo(400);
    assertThat(get("/api/search?cursor=garbage").statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=" + enc("\"(*[]{}~^:!/\\")).statusCode()).isEqualTo(200);
    HttpResponse<String> beyond = get("/api/search?q=" + enc("志愿") + "&page=999");
    assertThat(beyond.statusCode()).isEqualTo(200);
    assertThat(json.readTree(beyond.body()).get("hits").size()).isZero();
  }

  private ProducerRecord<String, byte[]> message(String key, byte[] value) {
    return new ProducerRecord<>(topic, key, value);
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> search(String q) throws Exception {
    return get("/api/search?q=" + enc(q));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
