package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page longer than Elasticsearch lets its highlighter analyse (1,000,000 characters) among the
 * hits: every search still answers, with a snippet, and the page's similar articles too. The
 * mappings keep no postings offsets, so the highlighter analyses the stored text and the search
 * sets how far it reads; without that the whole search fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongPageSearchIT {

  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private IndexServiceApp app;

  @BeforeAll
  void start() throws Exception {
    app = IndexServiceApp.start(run);
    String longBody = "超长页面开头。" + "志愿服务队驰援灾区，发放救灾物资。".repeat(62_000);
    assertThat(longBody.length()).isGreaterThan(1_000_000);
    app.publish(List.of(
        IndexServiceApp.article("long-" + run, 1, "超长页面测试", longBody).build(),
        IndexServiceApp.article("short-" + run, 1, "志愿服务队驰援灾区", "志愿服务队驰援灾区，发放救灾物资。").build()));
    await().atMost(Duration.ofSeconds(90)).until(() -> total("") == 2);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everySearchAnswersWithTheLongPageAmongItsHits() throws Exception {
    for (String query : List.of("", "q=" + enc("志愿服务"), "q=" + enc("超长页面"), "collapse=true")) {
      JsonNode answer = search(query);
      assertThat(answer.get("hits").size()).as(query).isPositive();
    }
    JsonNode hit = search("q=" + enc("超长页面")).get("hits").get(0);
    assertThat(hit.get("id").asString()).isEqualTo("long-" + run);
    assertThat(hit.toString()).contains("超长页面");
  }

  @Test
  void theLongPageHasSimilarArticles() throws Exception {
    HttpResponse<String> r = get("/api/articles/long-" + run + "/similar");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private long total(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?" + query);
    return r.statusCode() == 200 ? json.readTree(r.body()).get("total").asLong() : -1;
  }

  private JsonNode search(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?" + query);
    assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
