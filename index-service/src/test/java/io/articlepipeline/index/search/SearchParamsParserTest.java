package io.articlepipeline.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParamsParserTest {

  private final SearchParamsParser parser = new SearchParamsParser(256, 10, 50, 10_000);

  private static Map<String, List<String>> params(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return m;
  }

  private List<String> errors(Map<String, List<String>> p) {
    try {
      parser.parse(p);
    } catch (InvalidRequestException e) {
      return e.details();
    }
    throw new AssertionError("expected a 400");
  }

  @Test
  void defaultsAreRelevanceFirstPageOfTen() {
    SearchParams p = parser.parse(params("q", " 志愿服务 "));
    assertThat(p.q()).isEqualTo("志愿服务");
    assertThat(p.sort()).isEqualTo(SearchSort.RELEVANCE);
    assertThat(p.page()).isEqualTo(1);
    assertThat(p.size()).isEqualTo(10);
  }

  @Test
  void noQueryMeansNewestFirst() {
    assertThat(parser.parse(params()).sort()).isEqualTo(SearchSort.DATE);
  }

  @Test
  void filtersMayRepeatAndBlankValuesAreIgnored() {
    SearchParams p = parser.parse(params("org", "红十字会", "org", "团委", "org", " ", "keyword", "志愿",
        "from", "2024-01-01", "to", "2024-02-01", "lang", "zh"));
    assertThat(p.orgs()).containsExactly("红十字会", "团委");
    assertThat(p.keywords()).containsExactly("志愿");
    assertThat(p.from()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(p.languages()).containsExactly("zh");
  }

  @Test
  void collapseIsOffUnlessAskedAndPagesByNumberOnly() {
    assertThat(parser.parse(params("q", "志愿")).collapse()).isFalse();
    SearchParams p = parser.parse(params("q", "志愿", "collapse", "TRUE", "story", "郑州上街区用好文明实践阵地"));
    assertThat(p.collapse()).isTrue();
    assertThat(p.stories()).containsExactly("郑州上街区用好文明实践阵地");
    assertThat(errors(params("collapse", "yes"))).containsExactly("collapse: must be true or false, was 'yes'");
    assertThat(errors(params("collapse", "true", "cursor", "abc")))
        .containsExactly("cursor: not with collapse=true (collapsed results are paged with page=)");
  }

  @Test
  void unknownParametersAreNamed() {
    assertThat(errors(params("q", "x", "colour", "red"))).anySatisfy(e -> assertThat(e).startsWith("colour: unknown parameter"));
  }

  @Test
  void everyBadValueIsListed() {
    List<String> errors = errors(params("page", "0", "size", "abc", "sort", "best", "from", "yesterday"));
    assertThat(errors).hasSize(4);
    assertThat(String.join("\n", errors)).contains("page: must be between 1").contains("size: must be a whole number")
        .contains("sort: must be relevance or date").contains("from: must be a date");
  }

  @Test
  void aHugeQueryIsRefused() {
    assertThat(errors(params("q", "字".repeat(300)))).containsExactly("q: longer than 256 characters");
  }

  @Test
  void aPageSizeAboveTheMaximumIsRefused() {
    assertThat(errors(params("size", "51"))).containsExactly("size: must be between 1 and 50, was 51");
  }

  @Test
  void pagesBeyondTheResultWindowPointToTheCursor() {
    assertThat(errors(params("page", "1001", "size", "10"))).singleElement().asString().contains("cursor");
  }

  @Test
  void fromAfterToIsRefused() {
    assertThat(errors(params("from", "2024-02-01", "to", "2024-01-01"))).singleElement().asString().contains("after");
  }

  @Test
  void aCursorRoundTripsForItsSort() {
    String cursor = Cursors.encode(SearchSort.DATE, List.of(1714550400000L, "a1"));
    assertThat(parser.parse(params("cursor", cursor)).cursor()).containsExactly(1714550400000L, "a1");
  }

  @Test
  void aDamagedOrForeignCursorIsRefused() {
    assertThat(errors(params("cursor", "%%%"))).singleElement().asString().contains("cursor");
    String dateCursor = Cursors.encode(SearchSort.DATE, List.of(1L, "a"));
    assertThat(errors(params("q", "x", "cursor", dateCursor))).singleElement().asString().contains("sort=date");
    // well-formed base64 of JSON that is not a cursor's object: null, an array, a string
    for (String json : new String[] {"null", "[1]", "\"s\"", "{\"s\":\"BEST\",\"v\":null}"}) {
      String forged = java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(errors(params("cursor", forged))).as(json).singleElement().asString().startsWith("cursor:");
    }
  }

  @Test
  void controlCharactersAreRefused() {
    assertThat(errors(params("q", "a\u0000b"))).containsExactly("q: contains control characters");
  }
}
