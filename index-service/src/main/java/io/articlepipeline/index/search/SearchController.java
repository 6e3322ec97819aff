package io.articlepipeline.index.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import io.articlepipeline.web.Problem;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The readers' API: search and articles. Public: no token. */
@RestController
public class SearchController {

  private static final int MAX_ID_CHARS = 256;
  private static final int MAX_PREFIX_CHARS = 50;

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
    return search.article(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
  }

  @GetMapping("/api/articles/{id}/similar")
  public ResponseEntity<?> similar(@PathVariable String id, @RequestParam(defaultValue = "5") String size)
      throws IOException {
    checkId(id);
    int n = boundedInt("size", size, 1, 20);
    return search.similar(id, n).<ResponseEntity<?>>map(hits -> ResponseEntity.ok(Map.of("id", id, "hits", hits)))
        .orElseGet(() -> notFound(id));
  }

  @GetMapping("/api/suggest")
  public SearchService.Suggestions suggest(@RequestParam(defaultValue = "") String prefix,
                                           @RequestParam(defaultValue = "5") String size) throws IOException {
    String p = prefix.strip();
    if (p.length() > MAX_PREFIX_CHARS) {
      throw new InvalidRequestException("Invalid suggest request",
          List.of("prefix: longer than " + MAX_PREFIX_CHARS + " characters"));
    }
    return search.suggest(p, boundedInt("size", size, 1, 20));
  }

  private static ResponseEntity<?> notFound(String id) {
    return Problem.of(HttpStatus.NOT_FOUND, "article not found", "id: no indexed article has id " + id)
        .toResponseEntity();
  }

  static int boundedInt(String name, String value, int min, int max) {
    String v = value.strip();
    if (v.matches("\\d{1,6}")) {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw new InvalidRequestException("Invalid request",
        List.of(name + ": must be a whole number from " + min + " to " + max));
  }

  static void checkId(String id) {
    if (id.isBlank() || id.length() > MAX_ID_CHARS) {
      throw new InvalidRequestException("Invalid article id",
          List.of("id: must be 1 to " + MAX_ID_CHARS + " characters"));
    }
  }
}
