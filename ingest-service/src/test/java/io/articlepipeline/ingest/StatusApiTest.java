package io.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ingest.status.ArticleStatus;
import io.articlepipeline.ingest.status.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The status a submitter polls: processing, indexed or failed, from the index and the dead letters. */
@WebMvcTest
@Import({StatusApiTest.Beans.class, StatusFakes.class})
@TestPropertySource(properties = "pipeline.auth.tokens.submit=s3cret")
class StatusApiTest {

  @TestConfiguration
  @EnableConfigurationProperties(IngestProperties.class)
  static class Beans {
    @Bean
    SubmissionApiTest.RecordingPublisher publisher() {
      return new SubmissionApiTest.RecordingPublisher();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired
  MockMvcTester mvc;
  @Autowired
  StatusFakes.FakeIndex index;
  @Autowired
  StatusFakes.FakeDeadLetters deadLetters;

  @BeforeEach
  void reset() {
    index.articles.clear();
    index.down = false;
    deadLetters.letters.clear();
  }

  private org.springframework.test.web.servlet.assertj.MvcTestResult get(String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer s3cret").exchange();
  }

  @Test
  void aRevisionNotYetSearchableIsProcessing() {
    index.articles.put("a1", new ArticleStatus.Indexed(100, "2026-11-28T10:00:00Z"));

    var result = get("/api/articles/a1?revision=200");

    assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("processing");
    assertThat(result).bodyJson().extractingPath("$.indexedRevision").isEqualTo(100);
  }

  @Test
  void theAskedRevisionOrANewerOneSearchableIsIndexed() {
    index.articles.put("a1", new ArticleStatus.Indexed(200, "2026-11-28T10:00:00Z"));

    assertThat(get("/api/articles/a1?revision=200")).hasStatus(200).bodyJson()
        .extractingPath("$.status").isEqualTo("indexed");
    assertThat(get("/api/articles/a1")).hasStatus(200).bodyJson()
        .extractingPath("$.indexedAt").isEqualTo("2026-11-28T10:00:00Z");
  }

  @Test
  void aDeadLetteredRevisionIsFailedWithTheStageAndReason() {
    index.articles.put("a1", new ArticleStatus.Indexed(100, "2026-11-28T10:00:00Z"));
    deadLetters.letters.put("a1", new DeadLetter("index", "mapper_parsing_exception", "articles.enriched.dlq", 200L,
        Instant.parse("2026-11-28T10:05:00Z")));

    var result = get("/api/articles/a1?revision=200");

    assertThat(result).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("failed");
    assertThat(result).bodyJson().extractingPath("$.failure.stage").isEqualTo("index");
    assertThat(result).bodyJson().extractingPath("$.failure.reason").isEqualTo("mapper_parsing_exception");
    // without a revision: the newest submission failed, an older one is still searchable
    assertThat(get("/api/articles/a1")).bodyJson().extractingPath("$.status").isEqualTo("failed");
  }

  @Test
  void anOlderFailureDoesNotHideANewerRevision() {
    deadLetters.letters.put("a1", new DeadLetter("enrich", "bad", "articles.submitted.dlq", 100L, Instant.now()));

    assertThat(get("/api/articles/a1?revision=200")).bodyJson().extractingPath("$.status").isEqualTo("processing");
    index.articles.put("a1", new ArticleStatus.Indexed(200, "2026-11-28T10:00:00Z"));
    assertThat(get("/api/articles/a1")).bodyJson().extractingPath("$.status").isEqualTo("indexed");
  }

  @Test
  void aDeadLetterOfUnknownRevisionCountsOnlyWhileNothingNewerIsSearchable() {
    deadLetters.letters.put("x1", new DeadLetter("enrich", "Unknown magic byte!", "articles.submitted.dlq", null,
        Instant.now()));

    assertThat(get("/api/articles/x1")).hasStatus(200).bodyJson().extractingPath("$.status").isEqualTo("failed");
    assertThat(get("/api/articles/x1?revision=5")).bodyJson().extractingPath("$.status").isEqualTo("failed");
    index.articles.put("x1", new ArticleStatus.Indexed(5, "2026-11-28T10:00:00Z"));
    assertThat(get("/api/articles/x1")).bodyJson().extractingPath("$.status").isEqualTo("indexed");
    assertThat(get("/api/articles/x1?revision=5")).bodyJson().extractingPath("$.status").isEqualTo("indexed");
  }

  @Test
  void nothingKnownWithoutARevisionIs404WithAHint() {
    assertThat(get("/api/articles/nobody")).hasStatus(404).bodyJson().extractingPath("$.details[0]").asString()
        .contains("?revision=");
  }

  @Test
  void badInputIs400AndAnUnreachableIndexIs503() {
    assertThat(get("/api/articles/a1?revision=soon")).hasStatus(400).bodyJson()
        .extractingPath("$.details[0].field").isEqualTo("revision");
    assertThat(get("/api/articles/bad%20id!")).hasStatus(400);
    index.down = true;
    assertThat(get("/api/articles/a1?revision=1")).hasStatus(503).hasHeader("Retry-After", "5");
  }

  @Test
  void theStatusNeedsTheSubmitToken() {
    assertThat(mvc.get().uri("/api/articles/a1").exchange()).hasStatus(401);
  }
}
