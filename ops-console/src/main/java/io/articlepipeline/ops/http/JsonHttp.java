package io.articlepipeline.ops.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON-over-HTTP client used for the registry, Elasticsearch, the services' health and enrich's input binding. */
public class JsonHttp {

  private final HttpClient http;
  private final JsonMapper json;
  private final Duration timeout;

  public JsonHttp(JsonMapper json, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.json = json;
    this.timeout = timeout;
  }

  /**
   * An answer: the status and the body as JSON (a missing node when the body is not JSON).
   *
   * @param status HTTP status
   * @param body parsed body
   */
  public record Answer(int status, JsonNode body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * GETs a URL.
   *
   * @throws UnreachableException when no answer came (refused, timed out)
   */
  public Answer get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET(), uri);
  }

  /**
   * Sends a request with a bearer token ({@code GET} or a {@code POST} without a body).
   *
   * @throws UnreachableException when no answer came (refused, timed out)
   */
  public Answer send(String method, URI uri, String bearerToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (bearerToken != null && !bearerToken.isEmpty()) {
      b.header("Authorization", "Bearer " + bearerToken);
    }
    return send(b, uri);
  }

  private Answer send(HttpRequest.Builder builder, URI uri) {
    HttpRequest request = builder.timeout(timeout)
        .header("Accept", "application/json, application/vnd.schemaregistry.v1+json").build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UnreachableException(uri + " did not answer: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException(uri + ": interrupted", e);
    }
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return json.missingNode();
    }
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return json.missingNode();
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  /** The other side did not answer at all. */
  public static class UnreachableException extends RuntimeException {
    public UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Resolves a path under a base URL whether or not the base ends in a slash. */
  public static URI resolve(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
        + (path.startsWith("/") ? path : "/" + path));
  }
}
