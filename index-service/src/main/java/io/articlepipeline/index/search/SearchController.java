package io.articlepipeline.index.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The readers' API: search and articles. Public: no token. */
@RestController
public class SearchController {

  private static final int MAX_ID_CHARS = 256;

  private final SearchService search;
  private final SearchParamsParser parser;

  public SearchController(SearchService search, SearchParamsParser parser) {
    this.search = search;
    this.parser = parser;
  }

  @GetMapping("/api/search")
  public SearchResult search(@RequestParam MultiValueMap<String, String> params) throws IOException {
    return search.search(parser.parse(params));
  }

  @GetMapping("/api/articles/{id}")
  public ResponseEntity<?> article(@PathVariable String id) throws IOException {
    checkId(id);
    return search.article(id).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "article not found",
            "details", List.of("id: no indexed article has id " + id))));
  }

  static void checkId(String id) {
    if (id.isBlank() || id.length() > MAX_ID_CHARS) {
      throw new InvalidRequestException("Invalid article id",
          List.of("id: must be 1 to " + MAX_ID_CHARS + " characters"));
    }
  }
}
