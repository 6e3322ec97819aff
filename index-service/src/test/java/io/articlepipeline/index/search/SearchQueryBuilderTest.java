package io.articlepipeline.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SearchQueryBuilderTest {

  private final SearchQueryBuilder builder = new SearchQueryBuilder("articles");
  private final JsonMapper json = JsonMapper.builder().build();

  private JsonNode body(SearchRequest request) throws Exception {
    return json.readTree(JsonpUtils.toJsonString(request, new Jackson3JsonpMapper()));
  }

  private static SearchParams params(String q, List<String> orgs, SearchSort sort, int page, int size, List<Object> cursor) {
    return new SearchParams(q, orgs, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, sort, page, size,
        cursor, false);
  }

  @Test
  void queryTokensAreMatchedAgainstTheTokenFieldsTitleBoosted() throws Exception {
    JsonNode body = body(builder.build(SearchParams.query("志願服務 社區"), List.of("志愿", "服务", "社区"), false));
    JsonNode should = body.at("/query/bool/must/0/bool/should");
    assertThat(should.at("/0/match/titleTokens/query").asString()).isEqualTo("志愿 服务 社区");
    assertThat(should.at("/0/match/titleTokens/boost").asDouble()).isEqualTo(3.0);
    assertThat(should.at("/1/match/tokens/query").asString()).isEqualTo("志愿 服务 社区");
    assertThat(should.at("/1/match/tokens/minimum_should_match").asString()).isEqualTo("2<75%");
  }

  @Test
  void theStandardFieldsGiveRecallWithTheRawQuery() throws Exception {
    JsonNode should = body(builder.build(SearchParams.query("Red Cross"), List.of("red", "cross"), false))
        .at("/query/bool/must/0/bool/should");
    assertThat(should.at("/2/match_phrase/title/query").asString()).isEqualTo("Red Cross");
    assertThat(should.at("/4/match/body/query").asString()).isEqualTo("Red Cross");
    assertThat(should.at("/4/match/body/operator").asString()).isEqualTo("and");
  }

  @Test
  void noTokensStillSearchesTheStandardFields() throws Exception {
    JsonNode body = body(builder.build(SearchParams.query("!!!"), List.of(), false));
    assertThat(body.toString()).doesNotContain("titleTokens").contains("\"query\":\"!!!\"");
  }

  @Test
  void anEmptyQueryMatchesEverythingNewestFirst() throws Exception {
    JsonNode body = body(builder.build(SearchParams.query(""), List.of(), false));
    assertThat(body.at("/query/bool/must/0/match_all").isObject()).isTrue();
    assertThat(body.at("/sort/0/date/order").asString()).isEqualTo("desc");
    assertThat(body.has("highlight")).isTrue();
    assertThat(body.at("/highlight/highlight_query").isMissingNode()).isTrue();
  }

  @Test
  void relevanceSortBreaksTiesByDateThenId() throws Exception {
    JsonNode sort = body(builder.build(SearchParams.query("x"), List.of("x"), false)).get("sort");
    assertThat(sort.toString()).isEqualTo("[{\"_score\":{\"order\":\"desc\"}},"
        + "{\"date\":{\"missing\":\"_last\",\"order\":\"desc\"}},{\"id\":{\"order\":\"asc\"}}]");
  }

  @Test
  void filtersAreTermsAndADateRangeWithTheLastDayIncluded() throws Exception {
    SearchParams p = new SearchParams("", List.of("红十字会"), List.of("志愿"), List.of("新华社"), List.of(), List.of("zh"),
        List.of("story-key"), LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"), SearchSort.DATE, 1, 10, null,
        false);
    String filters = body(builder.build(p, List.of(), false)).at("/query/bool/filter").toString();
    assertThat(filters).contains("{\"terms\":{\"organizationNames\":[\"红十字会\"]}}")
        .contains("{\"terms\":{\"keywordTexts\":[\"志愿\"]}}")
        .contains("{\"terms\":{\"source\":[\"新华社\"]}}")
        .contains("{\"terms\":{\"language\":[\"zh\"]}}")
        .contains("{\"terms\":{\"story\":[\"story-key\"]}}")
        .contains("\"gte\":\"2024-01-01\"").contains("\"lt\":\"2024-02-01\"");
  }

  @Test
  void collapseShowsEachStoryOnceCountingItsCopiesAndStories() throws Exception {
    SearchParams p = new SearchParams("志愿", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
        SearchSort.RELEVANCE, 2, 10, null, true);
    JsonNode body = body(builder.build(p, List.of("志愿"), true));
    assertThat(body.at("/collapse/field").asString()).isEqualTo("story");
    JsonNode inner = body.at("/collapse/inner_hits");
    JsonNode copies = inner.isArray() ? inner.get(0) : inner;
    assertThat(copies.get("name").asString()).as(body.at("/collapse").toString()).isEqualTo(SearchQueryBuilder.COPIES);
    assertThat(copies.get("size").asInt()).isZero();
    assertThat(body.at("/aggregations/stories/cardinality/field").asString()).isEqualTo("story");
    assertThat(body.at("/from").asInt()).isEqualTo(10);
    // not asked: no collapse, no story count
    JsonNode plain = body(builder.build(params("志愿", List.of(), SearchSort.RELEVANCE, 1, 10, null), List.of("志愿"), true));
    assertThat(plain.has("collapse")).isFalse();
    assertThat(plain.at("/aggregations").has("stories")).isFalse();
  }

  @Test
  void pagesUseFromAndSize() throws Exception {
    JsonNode body = body(builder.build(params("x", List.of(), SearchSort.RELEVANCE, 3, 20, null), List.of("x"), false));
    assertThat(body.get("from").asInt()).isEqualTo(40);
    assertThat(body.get("size").asInt()).isEqualTo(20);
  }

  @Test
  void aCursorUsesSearchAfterInsteadOfFrom() throws Exception {
    JsonNode body = body(builder.build(params("x", List.of(), SearchSort.DATE, 1, 10,
        List.of(1714550400000L, "a1")), List.of("x"), false));
    assertThat(body.has("from")).isFalse();
    assertThat(body.get("search_after").toString()).isEqualTo("[1714550400000,\"a1\"]");
  }

  @Test
  void highlightsMarkEachTokenAsAPhraseWithPrivateMarkers() throws Exception {
    JsonNode h = body(builder.build(SearchParams.query("志愿服务"), List.of("志愿", "服务"), false)).get("highlight");
    assertThat(h.get("pre_tags").get(0).asString()).isEqualTo(Snippets.PRE);
    assertThat(h.get("highlight_query").toString()).contains("{\"match_phrase\":{\"body\":{\"query\":\"志愿\"}}}");
  }

  @Test
  void facetsCountOrganizationsKeywordsSourcesCategoriesLanguagesAndMonths() throws Exception {
    JsonNode aggs = body(builder.build(SearchParams.query("x"), List.of("x"), true)).get("aggregations");
    assertThat(aggs.at("/organizations/terms/field").asString()).isEqualTo("organizationNames");
    assertThat(aggs.at("/keywords/terms/field").asString()).isEqualTo("keywordTexts");
    assertThat(aggs.at("/months/date_histogram/calendar_interval").asString()).isEqualTo("month");
    assertThat(aggs.size()).isEqualTo(6);
  }

  @Test
  void veryLongTokenListsAreCut() throws Exception {
    List<String> many = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i).toList();
    String text = body(builder.build(SearchParams.query("x"), many, false)).toString();
    assertThat(text).contains("t31").doesNotContain("t32 ");
  }

  @Test
  void suggestionsAlsoCompleteTheNormalisedPrefixWhenItDiffers() throws Exception {
    JsonNode request = body(builder.suggest("紅十字", "红十字", 5));
    assertThat(request.at("/aggregations/organizations/terms/field").asString()).isEqualTo("organizationNames");
    assertThat(request.at("/aggregations/keywords/terms/field").asString()).isEqualTo("keywordTexts");
    assertThat(request.at("/aggregations/organizations/terms/include").asString()).isEqualTo("(紅十字).*|(红十字).*");
    assertThat(request.at("/query/bool/should").size()).isEqualTo(4);
    JsonNode same = body(builder.suggest("红十字", "红十字", 5));
    assertThat(same.at("/aggregations/keywords/terms/include").asString()).isEqualTo("(红十字).*");
    assertThat(same.at("/query/bool/should").size()).isEqualTo(2);
  }

  @Test
  void aSuggestionPrefixMatchesLettersInEitherCaseAndEveryOtherCharacterLiterally() {
    assertThat(SearchQueryBuilder.caseInsensitivePrefixRegex("Red 1")).isEqualTo("([rR][eE][dD]\\ 1).*");
    assertThat(SearchQueryBuilder.caseInsensitivePrefixRegex("a.*(\\\"")).isEqualTo("([aA]\\.\\*\\(\\\\\\\").*");
    assertThat(SearchQueryBuilder.caseInsensitivePrefixRegex("慈善")).isEqualTo("(慈善).*");
  }
}
