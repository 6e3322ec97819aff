package io.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The batch API's contract: one answer line per article, bad lines never sink good ones. */
@WebMvcTest
@Import(SubmissionApiTest.Fakes.class)
@TestPropertySource(properties = {"pipeline.auth.tokens.submit=s3cret", "pipeline.ingest.max-body-bytes=4096",
    "pipeline.ingest.batch-max-articles=3", "pipeline.ingest.batch-max-bytes=8192"})
class BatchSubmissionApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  @Autowired
  MockMvcTester mvc;
  @Autowired
  SubmissionApiTest.RecordingPublisher publisher;

  @BeforeEach
  void reset() {
    publisher.published.clear();
    publisher.brokerDown = false;
    publisher.registryDown = false;
    publisher.unacknowledged.clear();
  }

  private List<JsonNode> answerLines(String body) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : body.split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void answersEachLineInOrderAndABadLineDoesNotSinkTheOthers() throws Exception {
    String body = "{\"id\": \"b1\", \"title\": \"第一篇\", \"body\": \"正文一\"}\n"
        + "\n"
        + "{\"title\": \"\", \"body\": \"正文\", \"url\": \"nope\"}\n"
        + "{\"id\": \"b3\", \"title\": \"第三篇\", \"body\": \"正文三\"}\n";
    var result = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(NDJSON).content(body).exchange();

    assertThat(result).hasStatus(200).hasContentType(NDJSON);
    List<JsonNode> lines = answerLines(result.getResponse().getContentAsString());
    assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 3, 4);
    assertThat(lines).extracting(l -> l.get("status").asString()).containsExactly("accepted", "invalid", "accepted");
    assertThat(lines.get(0).get("id").asString()).isEqualTo("b1");
    assertThat(lines.get(0).get("revision").asLong()).isPositive();
    assertThat(lines.get(0).get("statusUrl").asString())
        .isEqualTo("http://127.0.0.1:8083/api/articles/b1/status?revision=" + lines.get(0).get("revision").asLong());
    assertThat(lines.get(1).has("statusUrl")).isFalse();
    assertThat(lines.get(1).get("details").findValuesAsString("field")).containsExactlyInAnyOrder("title", "url");
    assertThat(publisher.published).extracting(ArticleSubmitted::getId).containsExactly("b1", "b3");
  }

  @Test
  void takesAJsonArrayNumberedByElement() throws Exception {
    var result = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(MediaType.APPLICATION_JSON)
        .content("[{\"title\": \"一\", \"body\": \"甲\"}, {\"title\": \"二\", \"body\": \"乙\", \"colour\": \"red\"}]")
        .exchange();

    List<JsonNode> lines = answerLines(result.getResponse().getContentAsString());
    assertThat(lines).extracting(l -> l.get("status").asString()).containsExactly("accepted", "invalid");
    assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(lines.get(1).get("details").findValuesAsString("field")).containsExactly("colour");
    assertThat(publisher.published).hasSize(1);
  }

  @Test
  void aLineTheBrokerDidNotTakeIsUnavailableWithWhenToRetry() throws Exception {
    publisher.unacknowledged.add("b2");
    String body = "{\"id\": \"b1\", \"title\": \"一\", \"body\": \"甲\"}\n{\"id\": \"b2\", \"title\": \"二\", \"body\": \"乙\"}";
    var result = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(NDJSON).content(body).exchange();

    assertThat(result).hasStatus(200);
    List<JsonNode> lines = answerLines(result.getResponse().getContentAsString());
    assertThat(lines.get(0).get("status").asString()).isEqualTo("accepted");
    assertThat(lines.get(1).get("status").asString()).isEqualTo("unavailable");
    assertThat(lines.get(1).get("retryAfter").asInt()).isEqualTo(5);
    assertThat(lines.get(1).get("error").asString()).contains("b2");
  }

  @Test
  void nothingStoredBecauseTheBrokerIsAwayIs503WithRetryAfter() {
    publisher.brokerDown = true;
    var result = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(NDJSON).content("{\"title\": \"一\", \"body\": \"甲\"}\n{\"title\": \"二\", \"body\": \"乙\"}");

    assertThat(result).hasStatus(503).hasHeader("Retry-After", "5").bodyJson().extractingPath("$.error").asString()
        .contains("broker did not acknowledge");
  }

  @Test
  void moreArticlesThanAllowedIs413AndNothingIsStored() {
    var result = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(NDJSON).content("{\"title\": \"1\", \"body\": \"a\"}\n".repeat(4));

    assertThat(result).hasStatus(413).bodyJson().extractingPath("$.error").asString()
        .contains("at most 3 articles", "pipeline.ingest.batch-max-articles");
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void aBatchMayBeLargerThanOneArticleButNotThanItsOwnLimit() {
    String article = "{\"title\": \"长文\", \"body\": \"" + "字".repeat(1500) + "\"}\n";   // ~4.5 KB
    var within = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(NDJSON).content(article);
    var over = mvc.post().uri("/api/articles/batch").header("Authorization", "Bearer s3cret")
        .contentType(NDJSON).content(article.repeat(2));

    assertThat(within).hasStatus(200);
    assertThat(over).hasStatus(413).bodyJson().extractingPath("$.error").asString()
        .contains("pipeline.ingest.batch-max-bytes");
  }

  @Test
  void needsTheSubmitToken() {
    var result = mvc.post().uri("/api/articles/batch").contentType(NDJSON).content("{\"title\": \"1\", \"body\": \"a\"}");

    assertThat(result).hasStatus(401);
    assertThat(publisher.published).isEmpty();
  }
}
