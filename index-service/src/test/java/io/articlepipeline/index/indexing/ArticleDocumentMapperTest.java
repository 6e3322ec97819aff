package io.articlepipeline.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import io.articlepipeline.schemas.avro.ArticleEnriched;

class ArticleDocumentMapperTest {

  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ArticleDocumentMapper mapper = new ArticleDocumentMapper();

  /** The document as Elasticsearch reads it: the mapper's JSON, parsed. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> doc(ArticleDocumentMapper mapper, ArticleEnriched article, Instant indexedAt) {
    return JSON.readValue(mapper.toJson(article, indexedAt), Map.class);
  }

  @Test
  void documentHoldsTheCleanBodyForDisplay() {
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 3).build(), NOW);
    assertThat(doc).containsEntry("id", "a1").containsEntry("revision", 3)
        .containsEntry("body", "郑州市上街区新时代文明实践中心组织志愿服务队走进社区。");
  }

  @Test
  void theStoryIsTheHeadlineWithoutWidthCaseSpacesAndPunctuationOrTheArticleItself() {
    Map<String, Object> titled = doc(mapper, Articles.article("a1", 1).setTitle("郑州上街区：用好 文明实践阵地！").build(), NOW);
    Map<String, Object> copy = doc(mapper, Articles.article("a2", 1).setTitle("郑州上街区:用好文明实践阵地").build(), NOW);
    assertThat(titled.get("story")).isEqualTo("郑州上街区用好文明实践阵地").isEqualTo(copy.get("story"));
    Map<String, Object> untitled = doc(mapper, Articles.article("a3", 1).setTitle("……").build(), NOW);
    assertThat(untitled.get("story")).isEqualTo("id:a3");
  }

  @Test
  void tokensJoinTitleAndBodyTokensWithSpaces() {
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 1).build(), NOW);
    assertThat(doc.get("titleTokens")).isEqualTo("郑州市 上街区 志愿 服务队 开展 活动");
    assertThat((String) doc.get("tokens")).startsWith("郑州市 上街区 志愿 服务队 开展 活动 郑州市 上街区 新时代")
        .endsWith("走进 社区");
  }

  @Test
  void tokensAreLowerCasedAndBlankTokensDropped() {
    assertThat(ArticleDocumentMapper.joinTokens(List.of("Red", " ", "Cross ", "", "红 十字"))).isEqualTo("red cross 红十字");
  }

  @Test
  void everyTokenIsJoinedAsStripLowerCaseAndNoInnerWhitespaceWouldMakeIt() {
    // the specification, token by token, against the mapper's fast path for ASCII and CJK tokens
    // and its general path for the rest, on tokens drawn from both kinds of characters and the
    // awkward ones (ideographic space, full-width and Greek capitals, dotted I, line breaks)
    String alphabet = "aZ9-_.公益红十字 \t\n\u3000\u2028ＡΣİß\u00a0é";
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 2_000; round++) {
      List<String> tokens = new java.util.ArrayList<>();
      for (int i = random.nextInt(6); i >= 0; i--) {
        StringBuilder token = new StringBuilder();
        for (int j = random.nextInt(5); j >= 0; j--) {
          token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        tokens.add(token.toString());
      }
      String expected = tokens.stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", ""))
          .filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining(" "));
      assertThat(ArticleDocumentMapper.joinTokens(tokens)).as(tokens.toString()).isEqualTo(expected);
    }
  }

  @Test
  void keywordsAndOrganizationsKeepDetailsAndGetFacetFields() {
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 1).build(), NOW);
    assertThat(doc.get("keywordTexts")).isEqualTo(List.of("志愿服务", "社区"));
    assertThat(doc.get("organizationNames")).isEqualTo(List.of("郑州市上街区新时代文明实践中心"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> orgs = (List<Map<String, Object>>) doc.get("organizations");
    assertThat(orgs.get(0)).containsEntry("type", "GOVERNMENT").containsEntry("start", 0).containsEntry("end", 15)
        .containsEntry("confidence", 0.8);
  }

  @Test
  void organizationsBelowTheConfiguredConfidenceAreNotIndexed() {
    io.articlepipeline.schemas.avro.ArticleEnriched article = Articles.article("a1", 1).setOrganizations(List.of(
        new io.articlepipeline.schemas.avro.Organization("中国扶贫基金会", "SOCIAL_ORGANIZATION", 0, 7, 0.92),
        new io.articlepipeline.schemas.avro.Organization("萌社会工作服务中心", "SOCIAL_ORGANIZATION", 9, 18, 0.47))).build();
    Map<String, Object> strict = doc(new ArticleDocumentMapper(0.6), article, NOW);
    assertThat(strict.get("organizationNames")).isEqualTo(List.of("中国扶贫基金会"));
    assertThat((List<?>) strict.get("organizations")).hasSize(1);
    assertThat(doc(mapper, article, NOW).get("organizationNames"))
        .isEqualTo(List.of("中国扶贫基金会", "萌社会工作服务中心"));
  }

  @Test
  void dateIsPublishedAtOrElseSubmittedAt() {
    Map<String, Object> published = doc(mapper, Articles.article("a1", 1).build(), NOW);
    assertThat(published).containsEntry("date", "2024-05-01T08:00:00Z").containsEntry("indexedAt", "2024-06-01T00:00:00Z");
    Map<String, Object> unpublished = doc(mapper, Articles.article("a1", 1).setPublishedAt(null).build(), NOW);
    assertThat(unpublished).containsEntry("date", "2024-05-02T09:00:00Z").doesNotContainKey("publishedAt");
  }

  @Test
  void missingOptionalFieldsAreLeftOut() {
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 1).setSource(" ").setAuthor(null).build(), NOW);
    assertThat(doc).doesNotContainKeys("source", "author");
  }

  @Test
  void blankCleanBodyFallsBackToTheSubmittedBody() {
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 1).setCleanBody("").build(), NOW);
    assertThat(doc).containsEntry("body", "原文 <b>正文</b>");
  }

  @Test
  void nonFiniteScoresBecomeZeroSoTheJsonStaysValid() {
    var article = Articles.article("a1", 1)
        .setKeywords(List.of(new io.articlepipeline.schemas.avro.Keyword("x", Double.NaN))).build();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keywords = (List<Map<String, Object>>) doc(mapper, article, NOW).get("keywords");
    assertThat(keywords.get(0)).containsEntry("score", 0.0);
  }

  @Test
  void anArticleWithoutIdIsMalformed() {
    assertThatThrownBy(() -> doc(mapper, Articles.article(" ", 1).build(), NOW))
        .isInstanceOf(MalformedArticleException.class).hasMessageContaining("no id");
  }

  @Test
  void aNegativeRevisionIsMalformed() {
    assertThatThrownBy(() -> doc(mapper, Articles.article("a1", -1).build(), NOW))
        .isInstanceOf(MalformedArticleException.class).hasMessageContaining("negative revision");
  }

  @Test
  void keywordTextsAreTheKeywordsOnceEach() {
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 1).build(), NOW);
    assertThat(doc.get("keywordTexts")).isEqualTo(List.of("志愿服务", "社区"));
    assertThat(doc).doesNotContainKeys("organizationSuggest", "keywordSuggest");
  }

  @Test
  void textWithQuotesControlCharactersAndSupplementaryCharactersIsValidJson() {
    String title = "\"引号\" \\ 回车\r\n制表\t\u0001 𠀀 emoji 😀";
    Map<String, Object> doc = doc(mapper, Articles.article("a1", 1).setTitle(title)
        .setTitleTokens(List.of("\"", "𠀀", "😀")).build(), NOW);
    assertThat(doc.get("title")).isEqualTo(title);
    assertThat(doc.get("titleTokens")).isEqualTo("\" 𠀀 😀");
  }
}
