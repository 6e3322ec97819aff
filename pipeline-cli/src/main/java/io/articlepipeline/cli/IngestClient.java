package io.articlepipeline.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ingest API over HTTP: the batch endpoint, the single-article endpoint for pasted pages, and
 * the status each accepted article's answer points at (the index service's). Answers are handed
 * back as they came; what they mean is for the callers.
 */
final class IngestClient {

  /** One HTTP answer: status, body and the {@code Retry-After} header if it had one. */
  record Response(int status, String body, Optional<Duration> retryAfter) {
  }

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final Duration requestTimeout;

  IngestClient(String ingestUrl, String token, Duration requestTimeout) {
    // HTTP/1.1: the services are plain Tomcat; an h2c upgrade attempt on every POST gains nothing
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.base = ingestUrl.endsWith("/") ? ingestUrl.substring(0, ingestUrl.length() - 1) : ingestUrl;
    this.authorization = "Bearer " + token;
    this.requestTimeout = requestTimeout;
  }

  /** {@code POST /api/articles/batch} with the articles as NDJSON, one per line, in order. */
  Response postBatch(List<Article> articles) throws IOException, InterruptedException {
    return send(post("/api/articles/batch", "application/x-ndjson", ndjson(articles)));
  }

  /** {@code POST /api/articles} with a pasted page as text/plain. */
  Response postPage(String page) throws IOException, InterruptedException {
    return send(post("/api/articles", "text/plain; charset=utf-8", page.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@code GET} of the status URL an accepted article's answer named (the index service's
   * {@code /api/articles/{id}/status?revision=R}); a relative one is resolved against the ingest URL.
   */
  Response status(String statusUrl) throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(base + "/").resolve(statusUrl);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a URL: " + statusUrl, e);
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).GET().build();
    return send(request);
  }

  static byte[] ndjson(List<Article> articles) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Article a : articles) {
      body.writeBytes(a.json());
      body.write('\n');
    }
    return body.toByteArray();
  }

  /** Seconds, as the services send it; an HTTP date or garbage counts as absent. */
  static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private HttpRequest post(String path, String contentType, byte[] body) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
        .header("Authorization", authorization).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body(),
        retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
  }
}
