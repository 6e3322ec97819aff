package io.articlepipeline.index.search;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web shell: parameters reach the service, and errors answer as {"error", "details"}. */
@WebMvcTest(controllers = SearchController.class)
@Import(SearchControllerTest.Parser.class)
class SearchControllerTest {

  static class Parser {
    @Bean
    SearchParamsParser searchParamsParser() {
      return new SearchParamsParser(256, 10, 50, 10_000);
    }
  }

  @Autowired
  MockMvc mvc;

  @MockitoBean
  SearchService service;

  @Test
  void aSearchAnswersWithTotalTookAndHits() throws Exception {
    SearchResult.Hit hit = new SearchResult.Hit("a1", "标题", "标题", "<mark>志愿</mark>", List.of("志愿"),
        List.of(new SearchResult.OrgRef("红十字会", "SOCIAL_ORGANIZATION")), "新华社", null, "zh", null,
        "2024-05-01T00:00:00Z", 1.5, "标题", null);
    when(service.search(any())).thenReturn(new SearchResult(1, 3, 1, 10, "relevance", List.of(hit), null, Map.of(), false, null));
    mvc.perform(get("/api/search").param("q", "志愿"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.took").value(3))
        .andExpect(jsonPath("$.hits[0].snippet").value("<mark>志愿</mark>"))
        .andExpect(jsonPath("$.hits[0].organizations[0].name").value("红十字会"));
  }

  @Test
  void badParametersAre400ListingEachProblem() throws Exception {
    mvc.perform(get("/api/search").param("size", "0").param("colour", "red"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("Invalid search request"))
        .andExpect(jsonPath("$.details", hasItem(startsWith("colour: unknown parameter"))))
        .andExpect(jsonPath("$.details", hasItem(startsWith("size: must be between 1 and 50"))));
  }

  @Test
  void elasticsearchUnreachableIs503NotAStackTrace() throws Exception {
    when(service.search(any())).thenThrow(new IOException("Connection refused"));
    mvc.perform(get("/api/search").param("q", "x"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value("Search is unavailable"));
  }

  @Test
  void aMissingArticleIs404Json() throws Exception {
    when(service.article("nope")).thenReturn(Optional.empty());
    mvc.perform(get("/api/articles/nope"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("article not found"))
        .andExpect(jsonPath("$.details[0]").value(containsString("nope")));
  }

  @Test
  void answersForbidInlineAndForeignScripts() throws Exception {
    when(service.article("a1")).thenReturn(Optional.of(Map.of("id", "a1")));
    mvc.perform(get("/api/articles/a1"))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
            .string("Content-Security-Policy", containsString("script-src 'self'")));
  }

  @Test
  void similarChecksItsSize() throws Exception {
    mvc.perform(get("/api/articles/a1/similar").param("size", "abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.details[0]").value("size: must be a whole number from 1 to 20"));
  }

  @Test
  void suggestRefusesALongPrefixAndPassesAShortOne() throws Exception {
    mvc.perform(get("/api/suggest").param("prefix", "x".repeat(51))).andExpect(status().isBadRequest());
    when(service.suggest(eq("红十"), anyInt())).thenReturn(new SearchService.Suggestions("红十", List.of("红十字会"), List.of()));
    mvc.perform(get("/api/suggest").param("prefix", " 红十 "))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.organizations[0]").value("红十字会"));
  }
}
