package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton, end to end on the real broker, registry, Elasticsearch and all four
 * services: a submitter pastes the sample page, a reader finds it, an operator sees it consumed.
 */
class PipelineEndToEndIT {

  private static String sampleId;
  private static long sampleRevision;
  private static String sampleStatusUrl;

  @BeforeAll
  static void submitTheSamplePage() throws Exception {
    String page = Files.readString(Endpoints.sample());
    Http.Response response = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN,
        "text/plain; charset=utf-8", page);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    sampleId = response.json().path("id").asString();
    assertThat(sampleId).isNotBlank();
    sampleRevision = response.json().path("revision").asLong();
    assertThat(sampleRevision).isPositive();
    sampleStatusUrl = response.json().path("statusUrl").asString();
  }

  @Test
  void theSubmitterPollsTheStatusUntilTheRevisionIsSearchable() {
    // the 202 names the status on the index service, the owner of what it reports
    String status = sampleStatusUrl;
    assertThat(status).isEqualTo(Endpoints.INDEX + "/api/articles/" + sampleId + "/status?revision=" + sampleRevision);
    Http.Response first = Http.get(status, Endpoints.SUBMIT_TOKEN);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("status").asString()).isIn("processing", "indexed");

    JsonNode indexed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(status, Endpoints.SUBMIT_TOKEN).json(), j -> j.path("status").asString().equals("indexed"));
    assertThat(indexed.path("indexedRevision").asLong()).isGreaterThanOrEqualTo(sampleRevision);
    assertThat(indexed.path("indexedAt").asString()).isNotBlank();
    assertThat(Http.get(status, null).status()).isEqualTo(401);
  }

  @Test
  void theSamplePageIsFoundByATwoWordChineseQueryFromItsBody() {
    JsonNode hit = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> findHit("志愿服务 防汛", sampleId), h -> h != null);

    assertThat(hit.path("title").asString()).isEqualTo("郑州上街区:用好文明实践阵地 打造新时代志愿服务广阔舞台");
    assertThat(hit.path("snippet").asString()).contains("<mark>");
  }

  @Test
  void theIndexedArticleCarriesKeywordsAndOrganizations() {
    JsonNode article = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + sampleId, null), r -> r.status() == 200)
        .json();

    assertThat(article.path("keywords").size()).isPositive();
    assertThat(article.path("organizations").size()).isPositive();
    assertThat(texts(article.path("organizations"), "name")).contains("郑州市上街区新时代文明实践中心");
    assertThat(article.path("category").asString()).isEqualTo("志愿服务");
  }

  @Test
  void theRegistryHoldsBothValueSubjects() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Http.Response subjects = Http.get(Endpoints.REGISTRY + "/subjects", null);
      assertThat(subjects.status()).isEqualTo(200);
      assertThat(texts(subjects.json(), null)).contains("articles.submitted-value", "articles.enriched-value");
    });
  }

  @Test
  void theOpsApiReportsTheTopicsAndNoLagOnceAllIsConsumed() {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      Http.Response topics = Http.get(Endpoints.OPS + "/api/ops/topics", Endpoints.OPS_TOKEN);
      assertThat(topics.status()).as(topics.body()).isEqualTo(200);
      JsonNode submitted = topic(topics.json(), "articles.submitted");
      JsonNode enriched = topic(topics.json(), "articles.enriched");
      assertThat(submitted.path("endOffsetTotal").asLong()).isPositive();
      assertThat(enriched.path("endOffsetTotal").asLong()).isPositive();
      assertThat(lagOf(submitted, "enrich")).isZero();
      assertThat(lagOf(enriched, "index")).isZero();
    });
  }

  @Test
  void theOpsApiRefusesRequestsWithoutTheOpsToken() {
    assertThat(Http.get(Endpoints.OPS + "/api/ops/topics", null).status()).isEqualTo(401);
    // the submit token is a valid token of another role: forbidden, as the ops token is on submit
    Http.Response submitOnOps = Http.get(Endpoints.OPS + "/api/ops/topics", Endpoints.SUBMIT_TOKEN);
    assertThat(submitOnOps.status()).isEqualTo(403);
    assertThat(submitOnOps.body()).doesNotContain(Endpoints.SUBMIT_TOKEN).doesNotContain(Endpoints.OPS_TOKEN);
    assertThat(Http.post(Endpoints.INGEST + "/api/articles", Endpoints.OPS_TOKEN, "application/json",
        "{\"title\": \"t\", \"body\": \"b\"}").status()).isEqualTo(403);
    assertThat(Http.get(Endpoints.INDEX + "/api/admin/reindex", Endpoints.SUBMIT_TOKEN).status()).isEqualTo(403);
  }

  @Test
  void aRetractedArticleLeavesTheIndex() {
    Http.Response accepted = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN, "application/json",
        "{\"title\": \"撤回测试\", \"body\": \"上海市慈善基金会开展助学活动。" + System.nanoTime() + "\"}");
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + id, null).status() == 200);

    Http.Response retracted = Http.delete(Endpoints.INGEST + "/api/articles/" + id, Endpoints.SUBMIT_TOKEN);

    assertThat(retracted.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> Http.get(Endpoints.INDEX + "/api/articles/" + id, null).status() == 404);
  }

  @Test
  void anArticleNearTheBodyLimitGoesThroughEveryStageAndIsSearchableToItsLastLine() {
    // about 1.9 MB of text that does not repeat itself: the enriched record (body, cleaned body,
    // tokens) is several times Kafka's default 1 MiB limit
    String[] words = {"志愿者", "社区", "慈善", "救援", "培训", "捐赠", "老人", "儿童", "医院", "学校", "乡村", "环境",
        "文化", "健康", "教育", "服务", "项目", "资金", "物资", "家庭"};
    java.util.Random random = new java.util.Random(42);
    StringBuilder body = new StringBuilder();
    while (body.length() < 600_000) {
      for (int w = 0; w < 12; w++) {
        body.append(words[random.nextInt(words.length)]);
      }
      body.append(random.nextInt(10) == 0 ? "。\n" : "。");
    }
    body.append("\n文末记号栉风沐雨长卷。");
    String id = "e2e-large-" + System.nanoTime();
    String json = "{\"id\":\"" + id + "\",\"title\":\"长文测试\",\"body\":\"" + body.toString().replace("\n", "\\n")
        + "\",\"language\":\"zh\"}";
    assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(1_700_000, 2_000_000);

    Http.Response accepted = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN, "application/json", json);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String status = accepted.json().path("statusUrl").asString();
    JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> Http.get(status, Endpoints.SUBMIT_TOKEN).json(), j -> !j.path("status").asString().equals("processing"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("indexed");
    // the status reads the document itself; a search sees it after the index's next refresh
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> findHit("栉风沐雨 长卷", id), hit -> hit != null);
  }

  @Test
  void ingestRefusesBadInputWithTheFieldNamed() {
    Http.Response response = Http.post(Endpoints.INGEST + "/api/articles", Endpoints.SUBMIT_TOKEN,
        "application/json", "{\"title\": \"\", \"body\": \"x\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(texts(response.json().path("details"), "field")).containsExactly("title");
  }

  @Test
  void ingestRefusesSubmissionsWithoutTheToken() {
    Http.Response response = Http.post(Endpoints.INGEST + "/api/articles", null, "application/json",
        "{\"title\": \"t\", \"body\": \"b\"}");

    assertThat(response.status()).isEqualTo(401);
  }

  private static JsonNode findHit(String query, String id) {
    Http.Response response = Http.get(Endpoints.INDEX + "/api/search?q=" + Http.q(query), null);
    if (response.status() != 200) {
      return null;
    }
    for (JsonNode hit : response.json().path("hits")) {
      if (id.equals(hit.path("id").asString())) {
        return hit;
      }
    }
    return null;
  }

  private static JsonNode topic(JsonNode view, String name) {
    return StreamSupport.stream(view.path("topics").spliterator(), false)
        .filter(t -> name.equals(t.path("topic").asString())).findFirst()
        .orElseThrow(() -> new AssertionError("topic " + name + " missing from " + view));
  }

  private static long lagOf(JsonNode topic, String group) {
    return StreamSupport.stream(topic.path("groups").spliterator(), false)
        .filter(g -> group.equals(g.path("group").asString())).findFirst()
        .map(g -> g.path("totalLag").asLong())
        .orElseThrow(() -> new AssertionError("group " + group + " missing on " + topic.path("topic")));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode node : array) {
      out.add(field == null ? node.asString() : node.path(field).asString());
    }
    return out;
  }
}
