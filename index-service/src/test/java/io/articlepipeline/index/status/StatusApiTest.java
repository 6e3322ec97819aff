package io.articlepipeline.index.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.articlepipeline.index.IndexProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The status a submitter polls: processing, indexed or failed, from the index and the dead letters;
 * submit token only, callable from the submit page's origin (CORS).
 */
@WebMvcTest(controllers = StatusController.class)
@Import({StatusApiTest.Beans.class, StatusCorsConfiguration.class})
@TestPropertySource(properties = {"pipeline.auth.tokens.submit=s3cret", "pipeline.auth.tokens.ops=0ps",
    "pipeline.index.submit-page-origins=http://127.0.0.1:8080, http://submit.example"})
class StatusApiTest {

  @TestConfiguration
  @EnableConfigurationProperties(IndexProperties.class)
  static class Beans {
    final Map<String, ArticleStatus.Indexed> articles = new HashMap<>();
    boolean down;

    @Bean
    IndexedRevisions indexedRevisions() {
      return id -> {
        if (down) {
          throw new ConnectException("Connection refused");
        }
        return Optional.ofNullable(articles.get(id));
      };
    }
  }

  @Autowired
  MockMvcTester mvc;
  @Autowired
  Beans index;
  @MockitoBean
  DeadLetterWatch deadLetters;
  final Map<String, Failure> letters = new HashMap<>();

  @BeforeEach
  void reset() {
    index.articles.clear();
    index.down = false;
    letters.clear();
    when(deadLetters.newest(anyString())).thenAnswer(i -> Optional.ofNullable(letters.get(i.getArgument(0, String.class))));
  }

  private MvcTestResult get(String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer s3cret").exchange();
  }

  @Test
  void aRevisionNotYetSearchableIsProcessing() {
    index.articles.put("a1", new ArticleStatus.Indexed(100, "2026-11-28T10:00:00Z"));

    var result = get("/api/articles/a1/status?revision=200");

    assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("processing");
    assertThat(result).bodyJson().extractingPath("$.revision").isEqualTo(200);
    assertThat(result).bodyJson().extractingPath("$.indexedRevision").isEqualTo(100);
  }

  @Test
  void theAskedRevisionOrANewerOneSearchableIsIndexed() {
    index.articles.put("a1", new ArticleStatus.Indexed(200, "2026-11-28T10:00:00Z"));

    assertThat(get("/api/articles/a1/status?revision=200")).hasStatus(200).bodyJson()
        .extractingPath("$.status").isEqualTo("indexed");
    assertThat(get("/api/articles/a1/status?revision=150")).hasStatus(200).bodyJson()
        .extractingPath("$.status").isEqualTo("indexed");
    assertThat(get("/api/articles/a1/status")).hasStatus(200).bodyJson()
        .extractingPath("$.indexedAt").isEqualTo("2026-11-28T10:00:00Z");
  }

  @Test
  void aDeadLetteredRevisionIsFailedWithTheStageAndReason() {
    index.articles.put("a1", new ArticleStatus.Indexed(100, "2026-11-28T10:00:00Z"));
    letters.put("a1", new Failure("index", "mapper_parsing_exception", "articles.enriched.dlq", 200L,
        Instant.parse("2026-11-28T10:05:00Z")));

    var result = get("/api/articles/a1/status?revision=200");

    assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("failed");
    assertThat(result).bodyJson().extractingPath("$.failure.stage").isEqualTo("index");
    assertThat(result).bodyJson().extractingPath("$.failure.reason").isEqualTo("mapper_parsing_exception");
    assertThat(result).bodyJson().extractingPath("$.failure.deadLetterTopic").isEqualTo("articles.enriched.dlq");
    assertThat(result).bodyJson().extractingPath("$.failure.revision").isEqualTo(200);
    assertThat(result).bodyJson().extractingPath("$.failure.at").isEqualTo("2026-11-28T10:05:00Z");
    // without a revision: the newest submission failed, an older one is still searchable
    assertThat(get("/api/articles/a1/status")).bodyJson().extractingPath("$.status").isEqualTo("failed");
  }

  @Test
  void anOlderFailureDoesNotHideANewerRevision() {
    letters.put("a1", new Failure("enrich", "bad", "articles.submitted.dlq", 100L, Instant.now()));

    assertThat(get("/api/articles/a1/status?revision=200")).bodyJson().extractingPath("$.status").isEqualTo("processing");
    index.articles.put("a1", new ArticleStatus.Indexed(200, "2026-11-28T10:00:00Z"));
    assertThat(get("/api/articles/a1/status")).bodyJson().extractingPath("$.status").isEqualTo("indexed");
  }

  @Test
  void aDeadLetterOfUnknownRevisionCountsOnlyWhileNothingNewerIsSearchable() {
    letters.put("x1", new Failure("enrich", "Unknown magic byte!", "articles.submitted.dlq", null, Instant.now()));

    assertThat(get("/api/articles/x1/status")).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("failed");
    assertThat(get("/api/articles/x1/status?revision=5")).bodyJson().extractingPath("$.status").isEqualTo("failed");
    index.articles.put("x1", new ArticleStatus.Indexed(5, "2026-11-28T10:00:00Z"));
    assertThat(get("/api/articles/x1/status")).bodyJson().extractingPath("$.status").isEqualTo("indexed");
    assertThat(get("/api/articles/x1/status?revision=5")).bodyJson().extractingPath("$.status").isEqualTo("indexed");
  }

  @Test
  void nothingKnownWithoutARevisionIs404WithAHint() {
    assertThat(get("/api/articles/nobody/status")).hasStatus(404).bodyJson().extractingPath("$.details[0]").asString()
        .contains("?revision=");
  }

  @Test
  void badInputIs400AndAnUnreachableIndexIs503() {
    assertThat(get("/api/articles/a1/status?revision=soon")).hasStatus(400).bodyJson()
        .extractingPath("$.details[0]").asString().startsWith("revision:");
    assertThat(get("/api/articles/a1/status?revision=-3")).hasStatus(400);
    assertThat(get("/api/articles/" + "x".repeat(300) + "/status")).hasStatus(400);
    index.down = true;
    assertThat(get("/api/articles/a1/status?revision=1")).hasStatus(503).hasHeader("Retry-After", "5")
        .bodyJson().extractingPath("$.details[0]").asString().contains("Elasticsearch is not reachable");
  }

  @Test
  void theStatusNeedsTheSubmitToken() {
    assertThat(mvc.get().uri("/api/articles/a1/status").exchange()).hasStatus(401);
    assertThat(mvc.get().uri("/api/articles/a1/status").header("Authorization", "Bearer wrong").exchange())
        .hasStatus(401);
    assertThat(mvc.get().uri("/api/articles/a1/status").header("Authorization", "Bearer 0ps").exchange())
        .hasStatus(403);
  }

  @Test
  void theSubmitPagesOriginMayPollItAcrossOrigins() {
    // the browser's preflight carries no token: answered before the token is asked for
    MvcTestResult preflight = mvc.options().uri("/api/articles/a1/status?revision=1")
        .header("Origin", "http://submit.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization").exchange();
    assertThat(preflight).hasStatus(200)
        .hasHeader("Access-Control-Allow-Origin", "http://submit.example");
    assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Methods")).contains("GET");

    index.articles.put("a1", new ArticleStatus.Indexed(1, "2026-11-28T10:00:00Z"));
    MvcTestResult poll = mvc.get().uri("/api/articles/a1/status?revision=1").header("Origin", "http://127.0.0.1:8080")
        .header("Authorization", "Bearer s3cret").exchange();
    assertThat(poll).hasStatus(200).hasHeader("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
    // a refusal reaches the page as what it is
    assertThat(mvc.get().uri("/api/articles/a1/status").header("Origin", "http://127.0.0.1:8080").exchange())
        .hasStatus(401).hasHeader("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
  }

  @Test
  void anotherOriginIsRefusedAndOtherPathsGetNoCorsRule() {
    MvcTestResult preflight = mvc.options().uri("/api/articles/a1/status")
        .header("Origin", "http://evil.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization").exchange();
    assertThat(preflight).hasStatus(403);
    assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();

    MvcTestResult admin = mvc.options().uri("/api/admin/reindex")
        .header("Origin", "http://submit.example")
        .header("Access-Control-Request-Method", "POST").exchange();
    assertThat(admin.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
  }
}
