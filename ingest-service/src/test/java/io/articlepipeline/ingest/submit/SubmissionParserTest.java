package io.articlepipeline.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionParserTest {

  private final SubmissionParser parser = new SubmissionParser(200);

  @Test
  void acceptsAFullArticle() {
    Submission s = parser.parseJson("""
        {"id": "gy-2021-001", "revision": 7, "title": " 郑州上街区 ", "body": "志愿服务",
         "url": "https://example.org/a/1", "source": "中国公益报道网", "author": "赵东东",
         "category": "志愿服务", "language": "zh-hant", "publishedAt": "2021-09-01T08:00:00+08:00"}
        """);

    assertThat(s.id()).isEqualTo("gy-2021-001");
    assertThat(s.revision()).isEqualTo(7L);
    assertThat(s.title()).isEqualTo("郑州上街区");
    assertThat(s.language()).isEqualTo("zh-Hant");
    assertThat(s.publishedAt()).isEqualTo(Instant.parse("2021-09-01T00:00:00Z"));
    assertThat(s.contentType()).isEqualTo("application/json");
  }

  @Test
  void acceptsAPlainDateAsPublishedAt() {
    Submission s = parser.parseJson("{\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"2021-09-01\"}");

    assertThat(s.publishedAt()).isEqualTo(Instant.parse("2021-09-01T00:00:00Z"));
  }

  @Test
  void namesEveryBadFieldAtOnce() {
    assertThatThrownBy(() -> parser.parseJson("""
        {"title": "", "body": 42, "url": "ftp://x", "revision": -1, "publishedAt": "yesterday",
         "language": "chinese please", "titel": "typo", "id": "has space"}
        """))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field)
            .containsExactlyInAnyOrder("title", "body", "url", "revision", "publishedAt", "language", "titel", "id"));
  }

  @Test
  void requiresTitleAndBody() {
    assertThatThrownBy(() -> parser.parseJson("{}"))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
            .containsExactlyInAnyOrder(new FieldError("title", "is required"), new FieldError("body", "is required")));
  }

  @Test
  void refusesMalformedJsonWithItsPosition() {
    assertThatThrownBy(() -> parser.parseJson("{\"title\": \"t\",\n \"body\": }"))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void refusesJsonThatIsNotAnObject() {
    assertThatThrownBy(() -> parser.parseJson("[1, 2]"))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void refusesTitlesLongerThanTheLimit() {
    String title = "长".repeat(201);
    assertThatThrownBy(() -> parser.parseJson("{\"title\": \"" + title + "\", \"body\": \"b\"}"))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).containsExactly("title"));
  }

  @Test
  void takesAPastedPagesHeadlineAndQueryParameters() {
    Submission s = parser.parsePage("首页 > 志愿服务 > 正文\n\n郑州上街区:打造志愿服务舞台\n\n正文第一段。\n正文第二段。",
        Map.of("source", "中国公益报道网", "url", "https://example.org/p"));

    assertThat(s.title()).isEqualTo("郑州上街区:打造志愿服务舞台");
    assertThat(s.body()).endsWith("正文第一段。\n正文第二段。");
    assertThat(s.source()).isEqualTo("中国公益报道网");
    assertThat(s.contentType()).isEqualTo("text/plain");
  }

  @Test
  void refusesAnEmptyPage() {
    assertThatThrownBy(() -> parser.parsePage("  \n\n ", Map.of()))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).contains("body"));
  }

  @Test
  void refusesUnknownQueryParametersOnAPage() {
    assertThatThrownBy(() -> parser.parsePage("标题标题\n正文。", Map.of("sauce", "x")))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).containsExactly("sauce"));
  }

  @Test
  void aDateBeyondYear9999IsAFieldErrorNotAnOverflowLater() {
    assertThatThrownBy(() -> parser.parseJson(
        "{\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"+1000000000-01-01T00:00:00Z\"}"))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field).containsExactly("publishedAt"));
  }

  @Test
  void jsonNestedDeeperThanJacksonReadsIsRefusedAsInvalidJson() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> parser.parseJson(deep))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageStartingWith("Request body is not valid JSON");
    assertThatThrownBy(() -> new BatchParser(parser, 1000).parseArray(deep))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageStartingWith("Request body is not valid JSON");
  }
}
