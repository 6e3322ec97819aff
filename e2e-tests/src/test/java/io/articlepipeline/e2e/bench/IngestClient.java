package io.articlepipeline.e2e.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The ingest API as the benchmark uses it: single POSTs, the NDJSON batch API, retraction. */
final class IngestClient {

  /** What one batch submission came to. */
  record BatchOutcome(List<String> ids, int invalid, int tooLarge, int resent) {
  }

  /** The batch API answered 404 or 405 (the path taken for an article id): the running ingest has none. */
  static final class BatchApiMissing extends IOException {
    BatchApiMissing(int status) {
      super("batch API not available (" + status + ")");
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_ATTEMPTS = 20;

  private final HttpClient http;
  private final String base;
  private final String token;

  IngestClient(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The id ingest gave the article of a 202 answer, else null. */
  private static String acceptedId(int status, String body) {
    if (status != 202) {
      return null;
    }
    try {
      return JSON.readTree(body).path("id").asString(null);
    } catch (JacksonException e) {
      return null;
    }
  }

  /**
   * One single POST; the accepted id, or null if refused (its status counted in {@code refused}).
   * Sent with the JDK's blocking {@link HttpURLConnection} (a kept-alive connection per client
   * thread), not {@link HttpClient}: the benchmark shares the two cores with the pipeline, and
   * HttpClient's hand-offs between its selector and worker threads cost about 1.2 ms of CPU per
   * request here against about 0.5 ms, CPU that a submitter's own machine would spend.
   */
  String submit(Article a, Refusals refused) throws IOException {
    byte[] body = json(a).getBytes(StandardCharsets.UTF_8);
    HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/api/articles").toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(60_000);
    connection.setDoOutput(true);
    connection.setRequestMethod("POST");
    connection.setRequestProperty("Authorization", "Bearer " + token);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setFixedLengthStreamingMode(body.length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    int status = connection.getResponseCode();
    // the answer is read to its end, so the connection goes back to the keep-alive pool
    InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    String answer = "";
    if (in != null) {
      try (in) {
        answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    String id = acceptedId(status, answer);
    if (id == null) {
      refused.add(status);
    }
    return id;
  }

  /** Refused submissions by HTTP status. */
  static final class Refusals {
    private final java.util.Map<Integer, AtomicInteger> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();

    void add(int status) {
      byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
    }

    int total() {
      return byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public String toString() {
      return total() == 0 ? "none refused" : total() + " refused " + byStatus;
    }
  }

  /**
   * One batch of articles (up to 1,000): lines answered {@code unavailable}, and whole requests
   * answered 503, are sent again after their retry delay; invalid and too-large lines are counted.
   */
  BatchOutcome submitBatch(List<Article> articles) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    int invalid = 0;
    int tooLarge = 0;
    int resent = 0;
    List<Article> pending = articles;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new IOException(pending.size() + " articles still unavailable after " + MAX_ATTEMPTS + " attempts");
      }
      StringBuilder body = new StringBuilder();
      for (Article a : pending) {
        body.append(json(a)).append('\n');
      }
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/batch"))
          .timeout(Duration.ofMinutes(2))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404 || response.statusCode() == 405) {
        throw new BatchApiMissing(response.statusCode());
      }
      if (response.statusCode() == 503) {
        Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
        resent += pending.size();
        continue;
      }
      if (response.statusCode() != 200) {
        throw new IOException("batch answered " + response.statusCode() + ": " + abbreviate(response.body()));
      }
      List<Article> again = new ArrayList<>();
      long retryAfter = 0;
      for (String line : response.body().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode answer = JSON.readTree(line);
        int index = answer.path("line").asInt() - 1;
        switch (answer.path("status").asString()) {
          case "accepted" -> ids.add(answer.path("id").asString());
          case "invalid" -> invalid++;
          case "too_large" -> tooLarge++;
          case "unavailable" -> {
            again.add(pending.get(index));
            retryAfter = Math.max(retryAfter, answer.path("retryAfter").asLong(1));
          }
          default -> throw new IOException("batch line with unknown status: " + abbreviate(line));
        }
      }
      if (!again.isEmpty()) {
        resent += again.size();
        Thread.sleep(1000L * retryAfter);
      }
      pending = again;
    }
    return new BatchOutcome(ids, invalid, tooLarge, resent);
  }

  /**
   * Retracts an article (DELETE /api/articles/{id}); true if accepted. A 429 (the cleanup's 16
   * clients outrun the per-token rate limit) or 503 is sent again after its Retry-After, as a
   * client of the API should.
   */
  boolean retract(String id) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/articles/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).DELETE().build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if ((status != 429 && status != 503) || attempt == MAX_ATTEMPTS) {
        return status == 202;
      }
      Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
    }
  }

  /** Sends {@code articles} as single POSTs from {@code clients} threads; returns the accepted ids. */
  List<String> submitAll(List<Article> articles, int clients, Refusals refused) throws Exception {
    List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    Parallel.each(articles, clients, a -> {
      String id = submit(a, refused);
      if (id != null) {
        ids.add(id);
      }
    });
    return new ArrayList<>(ids);
  }

  static String json(Article a) {
    ObjectNode body = JSON.createObjectNode().put("title", a.title()).put("body", a.body());
    if (a.language() != null) {
      body.put("language", a.language());
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
