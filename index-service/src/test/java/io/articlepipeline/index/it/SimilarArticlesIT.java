package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies of a story on the real Elasticsearch: the same story under another id, and one other
 * story twice. Similar articles show each story once and never the copy of the one being read;
 * a collapsed search shows each story once with its copies counted, and its story key lists them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarArticlesIT {

  private final String run = "sim" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private IndexServiceApp app;

  @BeforeAll
  void start() throws Exception {
    app = IndexServiceApp.start(run);
    String story = "上街区新时代文明实践中心组织志愿服务队走进社区，开展防汛救灾和疫情防控志愿服务。";
    String other = "上街区志愿服务队走进社区，开展防汛志愿服务，为群众送去防汛物资。";
    String third = "社区志愿服务队开展疫情防控志愿服务，文明实践站组织志愿者上门服务。";
    String[][] docs = {
        {"a", "上街区志愿服务进社区", story},
        {"a-copy", "上街区志愿服务进社区", story},
        {"b", "防汛志愿服务队进社区", other},
        {"b-again", "防汛志愿服务队进社区", other + "（转载）"},
        {"c", "疫情防控志愿服务", third}};
    List<ArticleEnriched> articles = new ArrayList<>();
    for (String[] d : docs) {
      articles.add(IndexServiceApp.article(d[0], 1, d[1], d[2]).build());
    }
    app.publish(articles);
    await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/search?size=1").get("total").asLong() == docs.length);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void eachStoryOnceAndNoCopyOfTheOneBeingRead() throws Exception {
    List<String> similar = new ArrayList<>();
    for (JsonNode hit : get("/api/articles/a/similar?size=5").get("hits")) {
      similar.add(hit.get("id").asString());
    }
    assertThat(similar).doesNotContain("a", "a-copy").contains("c");
    assertThat(similar.stream().filter(id -> id.startsWith("b"))).hasSize(1);
  }

  @Test
  void aCollapsedSearchShowsEachStoryOnceAndItsKeyListsTheCopies() throws Exception {
    JsonNode r = get("/api/search?q=" + enc("志愿服务") + "&collapse=true&size=10");
    assertThat(r.get("collapsed").asBoolean()).isTrue();
    assertThat(r.get("total").asLong()).isEqualTo(5);
    assertThat(r.get("stories").asLong()).isEqualTo(3);
    assertThat(r.get("nextCursor").isNull()).isTrue();
    java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    for (JsonNode hit : r.get("hits")) {
      byId.put(hit.get("id").asString(), hit);
    }
    assertThat(byId).hasSize(3);
    JsonNode storyA = byId.containsKey("a") ? byId.get("a") : byId.get("a-copy");
    assertThat(storyA).isNotNull();
    assertThat(storyA.get("copies").asInt()).isEqualTo(1);
    assertThat(byId.get("c").get("copies").asInt()).isZero();

    List<String> copies = new ArrayList<>();
    for (JsonNode hit : get("/api/search?story=" + enc(storyA.get("story").asString())).get("hits")) {
      copies.add(hit.get("id").asString());
    }
    assertThat(copies).containsExactlyInAnyOrder("a", "a-copy");

    // not asked for: every article, and a cursor to walk them
    JsonNode plain = get("/api/search?q=" + enc("志愿服务") + "&size=2");
    assertThat(plain.get("collapsed").asBoolean()).isFalse();
    assertThat(plain.get("stories").isNull()).isTrue();
    assertThat(plain.get("hits").get(0).get("copies").isNull()).isTrue();
    assertThat(plain.get("nextCursor").isNull()).isFalse();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return json.readTree(r.body());
  }
}
