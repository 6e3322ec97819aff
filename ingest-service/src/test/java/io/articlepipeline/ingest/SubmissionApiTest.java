package io.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ingest.submit.ArticlePublisher;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP contract of the submit API, with the broker replaced by a recording publisher. */
@WebMvcTest
@Import(SubmissionApiTest.Fakes.class)
@TestPropertySource(properties = {"pipeline.auth.tokens.submit=s3cret", "pipeline.auth.tokens.ops=0ps-s3cret", "pipeline.ingest.max-body-bytes=4096",
    "pipeline.ingest.reader-url=http://reader.example:8083", "pipeline.ingest.status-url=http://index.example:8083/"})
class SubmissionApiTest {

  @TestConfiguration
  @EnableConfigurationProperties(IngestProperties.class)
  static class Fakes {
    @Bean
    RecordingPublisher publisher() {
      return new RecordingPublisher();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  static class RecordingPublisher implements ArticlePublisher {
    final List<ArticleSubmitted> published = new ArrayList<>();
    final List<String> retracted = new ArrayList<>();
    boolean brokerDown;
    boolean tooLarge;
    boolean registryDown;
    /** Articles the broker does not acknowledge, whatever the other switches say. */
    final java.util.Set<String> unacknowledged = new java.util.HashSet<>();

    @Override
    public void publish(ArticleSubmitted article) {
      if (brokerDown || unacknowledged.contains(article.getId())) {
        throw new PublishException("Kafka did not acknowledge article " + article.getId(), null);
      }
      if (registryDown) {
        throw new RegistryUnavailableException("Article " + article.getId() + " could not be encoded: "
            + "Schema registry unreachable at http://127.0.0.1:8081/", null);
      }
      if (tooLarge) {
        throw new TooLargeException("Kafka refused article " + article.getId() + " as too large: "
            + "RecordTooLargeException: The message is 17000000 bytes when serialized", null);
      }
      published.add(article);
    }

    @Override
    public void retract(String id) {
      retracted.add(id);
    }
  }

  @Autowired
  MockMvcTester mvc;
  @Autowired
  RecordingPublisher publisher;

  @BeforeEach
  void reset() {
    publisher.published.clear();
    publisher.brokerDown = false;
    publisher.tooLarge = false;
    publisher.registryDown = false;
    publisher.unacknowledged.clear();
  }

  @Test
  void acceptsJsonWith202AndTheId() {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"a1\", \"title\": \"标题\", \"body\": \"正文\"}");

    assertThat(result).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo("a1");
    assertThat(publisher.published).singleElement().extracting(ArticleSubmitted::getTitle).isEqualTo("标题");
  }

  @Test
  void the202PointsAtTheStatusOnTheIndexService() {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"id\": \"a:1\", \"revision\": 42, \"title\": \"标题\", \"body\": \"正文\"}");

    String statusUrl = "http://index.example:8083/api/articles/a%3A1/status?revision=42";
    assertThat(result).hasStatus(202).hasHeader("Location", statusUrl)
        .bodyJson().extractingPath("$.statusUrl").isEqualTo(statusUrl);
  }

  @Test
  void ingestAnswersNoStatusItself() {
    // the status is the index service's; here GET on an article is not a method ingest offers
    assertThat(mvc.get().uri("/api/articles/a1").header("Authorization", "Bearer s3cret")).hasStatus(405);
  }

  @Test
  void acceptsAPastedPage() {
    var result = mvc.post().uri("/api/articles?source=中国公益报道网").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.TEXT_PLAIN).content("首页 > 志愿服务 > 正文\n\n一个标题在这里\n\n正文。");

    // the answer names the headline found, so the submitter can check it
    assertThat(result).hasStatus(202).bodyJson().extractingPath("$.title").isEqualTo("一个标题在这里");
    assertThat(publisher.published).singleElement().satisfies(a -> {
      assertThat(a.getTitle()).isEqualTo("一个标题在这里");
      assertThat(a.getSource()).isEqualTo("中国公益报道网");
      assertThat(a.getContentType()).isEqualTo("text/plain");
    });
  }

  @Test
  void theSubmitPageAndWhereTheReaderIsNeedNoToken() {
    assertThat(mvc.get().uri("/index.html")).hasStatus(200).bodyText().contains("submit.js", "article-form");
    assertThat(mvc.get().uri("/submit.js")).hasStatus(200).bodyText().contains("/api/articles");
    assertThat(mvc.get().uri("/pipeline-base.css")).hasStatus(200).bodyText().contains("--accent");
    assertThat(mvc.get().uri("/config.json")).hasStatus(200).bodyJson().extractingPath("$.readerUrl")
        .isEqualTo("http://reader.example:8083");
  }

  @Test
  void refusesMissingToken() {
    var result = mvc.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON)
        .content("{\"title\": \"t\", \"body\": \"b\"}");

    assertThat(result).hasStatus(401).bodyJson().extractingPath("$.error").asString().contains("Authorization");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void refusesWrongToken() {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer guess")
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"t\", \"body\": \"b\"}");

    assertThat(result).hasStatus(401);
  }

  @Test
  void anOpsTokenCannotSubmit() throws Exception {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer 0ps-s3cret")
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"t\", \"body\": \"b\"}").exchange();

    assertThat(result).hasStatus(403).bodyJson().extractingPath("$.error").asString().contains("needs the submit token");
    assertThat(result.getResponse().getContentAsString()).doesNotContain("0ps-s3cret").doesNotContain("s3cret\"");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void errorsAreProblemDocumentsKeepingErrorAndDetails() throws Exception {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"\", \"body\": \"b\"}").exchange();

    assertThat(result).hasStatus(400).hasContentType(io.articlepipeline.web.Problem.MEDIA_TYPE);
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
    assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Bad Request");
    assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("about:blank");
    assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/articles");
    assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
    assertThat(result).bodyJson().extractingPath("$.error").asString().isNotBlank();
    assertThat(result).bodyJson().extractingPath("$.details[0].field").isEqualTo("title");
    assertThat(result).bodyJson().extractingPath("$.details[0].message").asString().isNotBlank();
  }

  @Test
  void namesTheBadFieldsIn400() {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"\", \"body\": \"b\", \"url\": \"nope\"}");

    assertThat(result).hasStatus(400).bodyJson().extractingPath("$.details[*].field").asArray()
        .containsExactlyInAnyOrder("title", "url");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void refusesOtherContentTypesWith415() {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_XML).content("<a/>");

    assertThat(result).hasStatus(415).bodyJson().extractingPath("$.error").asString().contains("application/json");
  }

  @Test
  void refusesBodiesOverTheLimitWith413() {
    var result = mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.TEXT_PLAIN).content("字".repeat(5000));

    assertThat(result).hasStatus(413).bodyJson().extractingPath("$.error").asString()
        .contains("pipeline.ingest.max-body-bytes");
  }

  @Test
  void aRecordKafkaRefusesAsTooLargeIs413NotARetryLater() {
    publisher.tooLarge = true;

    var result = postSmallArticle();

    assertThat(result).hasStatus(413).doesNotContainHeader("Retry-After");
    assertThat(result).bodyJson().extractingPath("$.error").asString().contains("retrying the same article cannot succeed");
    assertThat(result).bodyJson().extractingPath("$.details[0]").asString().contains("RecordTooLargeException");
  }

  @Test
  void anUnreachableRegistryIs503NamingTheRegistry() {
    publisher.registryDown = true;

    var result = postSmallArticle();

    assertThat(result).hasStatus(503).hasHeader("Retry-After", "5");
    assertThat(result).bodyJson().extractingPath("$.error").asString()
        .isEqualTo("Not accepted: the schema registry is unreachable; nothing was stored, retry later");
  }

  @Test
  void answers503AndKeepsNothingWhenTheBrokerDoesNotAcknowledge() {
    publisher.brokerDown = true;

    var result = postSmallArticle();

    assertThat(result).hasStatus(503).hasHeader("Retry-After", "5");
    assertThat(result).bodyJson().extractingPath("$.error").asString().contains("the broker did not acknowledge");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void refusesToRetractAnInvalidId() {
    var result = mvc.delete().uri("/api/articles/{id}", "bad id!").header("Authorization", "Bearer s3cret");

    assertThat(result).hasStatus(400).bodyJson().extractingPath("$.details[0].field").isEqualTo("id");
  }

  @Test
  void retractsWithATombstone() {
    var result = mvc.delete().uri("/api/articles/a1").header("Authorization", "Bearer s3cret");

    assertThat(result).hasStatus(202);
    assertThat(publisher.retracted).contains("a1");
  }

  private org.springframework.test.web.servlet.assertj.MvcTestResult postSmallArticle() {
    return mvc.post().uri("/api/articles").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"t\", \"body\": \"b\"}").exchange();
  }
}
