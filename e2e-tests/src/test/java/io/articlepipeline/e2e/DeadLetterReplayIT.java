package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.schemas.Topics;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.EnrichmentInfo;
import io.articlepipeline.schemas.avro.Keyword;
import io.articlepipeline.schemas.avro.Organization;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dead letter whose cause an operator removed is processed once replayed. The cause: the shipped
 * mapping has {@code organizations.type} as a {@code keyword} without {@code ignore_above}, so
 * Elasticsearch rejects a document whose organization type is longer than Lucene's 32766-byte term
 * limit (a {@code document_parsing_exception} caused by an "immense term"), and the index stage
 * dead-letters it. The operator sets
 * {@code ignore_above} (updatable in place) on the write index and the template, then replays.
 *
 * <p>The fix stays: it is harmless. A later run therefore first puts the shipped behaviour back on
 * the write index ({@code ignore_above} at Elasticsearch's default, {@code Integer.MAX_VALUE}) for
 * the few seconds until it fixes it again; no real organization type comes near 32 KB.
 */
class DeadLetterReplayIT {

  private static final String ELASTICSEARCH = required("ELASTICSEARCH_URL");
  private static final String WRITE_ALIAS = "articles-write";
  private static final String TEMPLATE = "articles";
  private static final int FIXED_IGNORE_ABOVE = 256;
  private static final int ES_DEFAULT_IGNORE_ABOVE = Integer.MAX_VALUE;
  /** Longer than the 32766-byte term limit in UTF-8. */
  private static final String IMMENSE_TYPE = "OTHER".repeat(7000);

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aDocumentElasticsearchRejectedIsIndexedOnceItsMappingIsFixedAndItIsReplayed() throws Exception {
    String writeIndex = writeIndex();
    theShippedMappingRejectsImmenseOrganizationTypes(writeIndex);
    String id = "dlq-replay-" + UUID.randomUUID();

    ArticleEnriched article = article(id);
    produce(article);

    JsonNode letter = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> deadLetter(id), l -> l != null);
    assertThat(letter.path("stage").asString()).isEqualTo("index");
    assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.ENRICHED);
    assertThat(letter.path("exceptionMessage").asString()).contains("Elasticsearch rejected the document")
        .contains("document_parsing_exception").contains("failed to parse field [organizations.type]");
    assertThat(Http.get(Endpoints.INDEX + "/api/articles/" + id, null).status()).isEqualTo(404);
    // the submitter's status poll (on the index service): that revision failed in the index stage, and why
    String status = Endpoints.INDEX + "/api/articles/" + id + "/status?revision=" + article.getRevision();
    JsonNode failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> Http.get(status, Endpoints.SUBMIT_TOKEN).json(), j -> j.path("status").asString().equals("failed"));
    assertThat(failed.path("failure").path("stage").asString()).isEqualTo("index");
    assertThat(failed.path("failure").path("revision").asLong()).isEqualTo(article.getRevision());
    assertThat(failed.path("failure").path("reason").asString()).contains("document_parsing_exception");

    setIgnoreAboveOnTheWriteIndex(writeIndex, FIXED_IGNORE_ABOVE);
    setIgnoreAboveInTheTemplate(FIXED_IGNORE_ABOVE);

    Http.Response replay = Http.post(Endpoints.OPS + "/api/ops/dead-letters/" + Topics.ENRICHED_DLQ + "/replay",
        Endpoints.OPS_TOKEN, "application/json", "{\"records\": [{\"partition\": " + letter.path("partition").asInt()
            + ", \"offset\": " + letter.path("offset").asLong() + "}]}");
    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    assertThat(replay.json().path("replayed").asInt()).as(replay.body()).isEqualTo(1);
    JsonNode result = replay.json().path("results").path(0);
    assertThat(result.path("status").asString()).as(replay.body()).isEqualTo("REPLAYED");
    assertThat(result.path("target").asString()).isEqualTo(Topics.ENRICHED);

    JsonNode indexed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + id, null), r -> r.status() == 200).json();
    assertThat(indexed.path("id").asString()).isEqualTo(id);
    assertThat(indexed.path("organizations").findValuesAsString("name")).contains("回放测试基金会");
    assertThat(Http.get(status, Endpoints.SUBMIT_TOKEN).json().path("status").asString()).isEqualTo("indexed");

    // Our article only: retract it so its 35 KB organization type does not sit in readers' results.
    Http.Response retracted = Http.delete(Endpoints.INGEST + "/api/articles/" + id, Endpoints.SUBMIT_TOKEN);
    assertThat(retracted.status()).as(retracted.body()).isBetween(200, 299);
  }

  /** The cause, as shipped: no ignore_above on organizations.type (an earlier run may have fixed it). */
  private static void theShippedMappingRejectsImmenseOrganizationTypes(String writeIndex) throws IOException {
    JsonNode field = es("GET", "/" + writeIndex + "/_mapping/field/organizations.type", null).json()
        .path(writeIndex).path("mappings").path("organizations.type").path("mapping").path("type");
    assertThat(field.path("type").asString()).as("organizations.type in %s", writeIndex).isEqualTo("keyword");
    JsonNode ignoreAbove = field.path("ignore_above");
    if (!ignoreAbove.isMissingNode() && ignoreAbove.asInt() < IMMENSE_TYPE.length()) {
      setIgnoreAboveOnTheWriteIndex(writeIndex, ES_DEFAULT_IGNORE_ABOVE);
    }
  }

  private static void setIgnoreAboveOnTheWriteIndex(String writeIndex, int ignoreAbove) throws IOException {
    Http.Response put = es("PUT", "/" + writeIndex + "/_mapping", "{\"properties\": {\"organizations\": {\"properties\": "
        + "{\"type\": {\"type\": \"keyword\", \"ignore_above\": " + ignoreAbove + "}}}}}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  /** So a rebuild (./pipeline reindex) creates the next version fixed too. */
  private static void setIgnoreAboveInTheTemplate(int ignoreAbove) throws IOException {
    JsonNode templates = es("GET", "/_index_template/" + TEMPLATE, null).json().path("index_templates");
    assertThat(templates.size()).as("index template %s", TEMPLATE).isEqualTo(1);
    ObjectNode template = (ObjectNode) templates.get(0).path("index_template");
    ObjectNode type = (ObjectNode) template.path("template").path("mappings").path("properties")
        .path("organizations").path("properties").path("type");
    type.put("ignore_above", ignoreAbove);
    Http.Response put = es("PUT", "/_index_template/" + TEMPLATE, JSON.writeValueAsString(template));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private static String writeIndex() throws IOException {
    JsonNode aliases = es("GET", "/_alias/" + WRITE_ALIAS, null).json();
    String only = null;
    for (var entry : aliases.properties()) {
      if (entry.getValue().path("aliases").path(WRITE_ALIAS).path("is_write_index").asBoolean(false)) {
        return entry.getKey();
      }
      only = entry.getKey();
    }
    assertThat(only).as("an index behind %s", WRITE_ALIAS).isNotNull();
    return only;
  }

  private static ArticleEnriched article(String id) {
    Instant now = Instant.now();
    return ArticleEnriched.newBuilder()
        .setId(id)
        .setRevision(now.toEpochMilli())
        .setTitle("死信回放测试")
        .setBody("回放测试基金会发布年度报告。")
        .setCleanBody("回放测试基金会发布年度报告。")
        .setLanguage("zh")
        .setSubmittedAt(now)
        .setKeywords(List.of(new Keyword("年度报告", 0.5)))
        .setOrganizations(List.of(new Organization("回放测试基金会", IMMENSE_TYPE, 0, 7, 0.9)))
        .setTitleTokens(List.of("死信", "回放", "测试"))
        .setBodyTokens(List.of("回放", "测试", "基金会", "发布", "年度", "报告"))
        .setEnrichment(new EnrichmentInfo("e2e/DeadLetterReplayIT", now, 0L))
        .build();
  }

  private static void produce(ArticleEnriched article) throws Exception {
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, Endpoints.REGISTRY), false);
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Endpoints.KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(Topics.ENRICHED, article.getId(), article)).get();
    }
  }

  /** Our dead letter as the ops API shows it, or null while it is not there. */
  private static JsonNode deadLetter(String key) {
    Http.Response response = Http.get(Endpoints.OPS + "/api/ops/dead-letters", Endpoints.OPS_TOKEN);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    for (JsonNode topic : response.json().path("topics")) {
      if (!Topics.ENRICHED_DLQ.equals(topic.path("topic").asString())) {
        continue;
      }
      for (JsonNode letter : topic.path("newest")) {
        if (key.equals(letter.path("key").asString())) {
          return letter;
        }
      }
    }
    return null;
  }

  private static Http.Response es(String method, String path, String body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ELASTICSEARCH + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Response(response.statusCode(), JSON.readTree(response.body()), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run these tests through ./pipeline test");
    }
    return value;
  }
}
