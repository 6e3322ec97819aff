package io.articlepipeline.ingest.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Asks the index service (its public article API) which revision of an article is searchable. */
public class IndexLookup {

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  public IndexLookup(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Thrown when the index service cannot be asked; the status is then unknown, not "missing". */
  public static class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Optional<ArticleStatus.Indexed> find(String id) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/articles/"
        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
        .timeout(Duration.ofSeconds(3)).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable("the index service at " + baseUrl + " is not reachable (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while asking the index service", e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new Unavailable("the index service answered " + response.statusCode() + reason(response.body()), null);
    }
    try {
      JsonNode article = json.readTree(response.body());
      return Optional.of(new ArticleStatus.Indexed(article.path("revision").asLong(),
          article.path("indexedAt").asText(null)));
    } catch (IOException e) {
      throw new Unavailable("the index service answered something that is not an article", e);
    }
  }

  /** The index's own words for a failure ({@code {"error": ..., "details": [...]}}), if it gave any. */
  private String reason(String body) {
    try {
      JsonNode error = json.readTree(body);
      StringBuilder out = new StringBuilder();
      if (error.path("error").isTextual()) {
        out.append(": ").append(error.path("error").asText());
      }
      for (JsonNode detail : error.path("details")) {
        out.append(out.length() == 0 ? ": " : "; ").append(detail.asText());
      }
      return out.length() > 500 ? out.substring(0, 500) + "..." : out.toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
