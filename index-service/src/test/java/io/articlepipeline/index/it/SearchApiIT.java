package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.Organization;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search API on the real Elasticsearch: filters, facets, sorting, paging and the cursor,
 * Traditional/Simplified queries, similar articles and suggestions, over twelve articles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

  private static final String RED_CROSS = "四川省红十字会";
  private static final String YOUTH = "共青团成都市委";
  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private IndexServiceApp app;

  @BeforeAll
  void start() throws Exception {
    app = IndexServiceApp.start(run);
    List<ArticleEnriched> articles = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      boolean redCross = i % 2 == 0;
      String title = (redCross ? "红十字会志愿服务救灾" : "青年志愿服务进社区") + "第" + i + "期";
      String body = (redCross ? RED_CROSS + "组织志愿服务队驰援灾区，发放救灾物资。"
          : YOUTH + "组织青年志愿者走进社区开展志愿服务。") + "编号" + i + "。";
      articles.add(IndexServiceApp.article("s" + i, 1, title, body)
          .setSource(i < 8 ? "四川在线" : "成都日报")
          .setPublishedAt(Instant.parse(i < 6 ? "2024-03-10T08:00:00Z" : "2024-04-10T08:00:00Z").plusSeconds(i * 60L))
          .setOrganizations(i % 2 == 0 ? List.of(new Organization(RED_CROSS, "SOCIAL_ORGANIZATION", 0, 7, 0.9))
              : List.of(new Organization(YOUTH, "SOCIAL_ORGANIZATION", 0, 7, 0.9),
                  // English names for the suggestions: three articles name one, one the other
                  new Organization(i % 4 == 1 ? "Red Cross Society of China" : i == 3 ? "Red Crescent" : "Youth League",
                      "SOCIAL_ORGANIZATION", 0, 7, 0.9)))
          .build());
    }
    app.publish(articles);
    await().atMost(Duration.ofSeconds(60)).until(() -> search("size=1").get("total").asLong() == 12);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void facetsCountOrganizationsSourcesAndMonths() throws Exception {
    JsonNode facets = search("q=" + enc("志愿服务")).get("facets");
    assertThat(facet(facets, "organizations", RED_CROSS)).isEqualTo(6);
    assertThat(facet(facets, "organizations", YOUTH)).isEqualTo(6);
    assertThat(facet(facets, "sources", "四川在线")).isEqualTo(8);
    assertThat(facet(facets, "months", "2024-03")).isEqualTo(6);
    assertThat(facet(facets, "months", "2024-04")).isEqualTo(6);
  }

  @Test
  void filtersCombineAcrossFieldsAndNarrowTheTotal() throws Exception {
    assertThat(search("org=" + enc(RED_CROSS)).get("total").asLong()).isEqualTo(6);
    assertThat(search("org=" + enc(RED_CROSS) + "&source=" + enc("成都日报")).get("total").asLong()).isEqualTo(2);
    assertThat(search("org=" + enc(RED_CROSS) + "&org=" + enc(YOUTH)).get("total").asLong()).isEqualTo(12);
    assertThat(search("from=2024-04-01&to=2024-04-30").get("total").asLong()).isEqualTo(6);
    assertThat(search("lang=en").get("total").asLong()).isZero();
  }

  @Test
  void sortByDateIsNewestFirst() throws Exception {
    JsonNode hits = search("q=" + enc("志愿服务") + "&sort=date&size=3").get("hits");
    assertThat(ids(hits)).containsExactly("s11", "s10", "s9");
  }

  @Test
  void pagesAndTheCursorWalkEveryHitOnce() throws Exception {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = search("q=" + enc("志愿服务") + "&size=5" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
      for (String id : ids(page.get("hits"))) {
        assertThat(seen.add(id)).as("seen twice: " + id).isTrue();
      }
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).hasSize(12);
    assertThat(pages).isEqualTo(3);
    List<String> page2 = ids(search("q=" + enc("志愿服务") + "&size=5&page=2").get("hits"));
    assertThat(page2).hasSize(5).doesNotContainAnyElementsOf(ids(search("q=" + enc("志愿服务") + "&size=5").get("hits")));
    assertThat(search("q=" + enc("志愿服务") + "&size=5&page=9").get("hits")).isEmpty();
  }

  @Test
  void aTraditionalQueryFindsSimplifiedText() throws Exception {
    JsonNode result = search("q=" + enc("紅十字會 救災"));
    assertThat(result.get("total").asLong()).isEqualTo(6);
    assertThat(result.get("hits").get(0).get("organizations").get(0).get("name").asString()).isEqualTo(RED_CROSS);
  }

  @Test
  void similarArticlesAreTheOthersLikeIt() throws Exception {
    HttpResponse<String> r = get("/api/articles/s0/similar?size=3");
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> similar = ids(json.readTree(r.body()).get("hits"));
    assertThat(similar).isNotEmpty().doesNotContain("s0");
    assertThat(Integer.parseInt(similar.get(0).substring(1)) % 2).as("another Red Cross article").isZero();
    assertThat(get("/api/articles/missing/similar").statusCode()).isEqualTo(404);
  }

  @Test
  void suggestionsCompleteOrganizationNames() throws Exception {
    JsonNode s = json.readTree(get("/api/suggest?prefix=" + enc("四川省")).body());
    assertThat(s.get("organizations").toString()).contains(RED_CROSS);
    JsonNode traditional = json.readTree(get("/api/suggest?prefix=" + enc("四川省紅十")).body());
    assertThat(traditional.get("organizations").toString()).as("Traditional prefix").contains(RED_CROSS);
    assertThat(get("/api/suggest?prefix=").statusCode()).isEqualTo(200);
  }

  @Test
  void suggestionsIgnoreCaseComeMostFrequentFirstAndTakeAnyCharacterLiterally() throws Exception {
    JsonNode s = json.readTree(get("/api/suggest?prefix=" + enc("red cr")).body());
    assertThat(s.get("organizations").toString())
        .isEqualTo("[\"Red Cross Society of China\",\"Red Crescent\"]");
    for (String odd : List.of("r.d", "R.d C", "Red Cross (", "\\", "\"", "[a-z]", "省|红", "#@&<>~")) {
      HttpResponse<String> r = get("/api/suggest?prefix=" + enc(odd));
      assertThat(r.statusCode()).as(odd).isEqualTo(200);
      assertThat(json.readTree(r.body()).get("organizations")).as(odd).isEmpty();
    }
    assertThat(get("/api/suggest?size=0&prefix=x").statusCode()).isEqualTo(400);
  }

  private static long facet(JsonNode facets, String name, String value) {
    for (JsonNode f : facets.get(name)) {
      if (f.get("value").asString().equals(value)) {
        return f.get("count").asLong();
      }
    }
    return 0;
  }

  private static List<String> ids(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("id").asString()));
    return ids;
  }

  private JsonNode search(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void requestsTomcatRefusesStillGetAProblemDocument() throws Exception {
    // an HTTP client would percent-encode these; a browser or a script may not
    URI base = URI.create(app.baseUrl);
    for (String target : List.of("/api/search?q[]=x", "/api/search?q=" + "a".repeat(20_000))) {
      try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
        s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
        JsonNode body = json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("error").asString()).isEqualTo("Bad Request");
        assertThat(body.get("details").isArray()).isTrue();
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("title").asString()).isEqualTo("Bad Request");
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
