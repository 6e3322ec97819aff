package io.articlepipeline.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the ingest API on a local port, and the index service's article status: by default it
 * accepts every article with a title and a body (the id derived from the title, as the service
 * derives one from the content), names its status URL and says every status is indexed. Tests replace the behaviours they are about.
 */
final class FakeIngest implements AutoCloseable {

  /** A request as the fake saw it. */
  record Request(String method, String path, String contentType, String authorization, String body) {

    List<String> lines() {
      return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }
  }

  /** An answer: status, body, extra header (or null); a null answer drops the connection. */
  record Answer(int status, String body, String retryAfter) {
  }

  /** Decides the answer to a request. */
  interface Handler {
    Answer answer(Request request, int nth) throws IOException;
  }

  static final ObjectMapper JSON = JsonMapper.builder().build();
  static final String TOKEN = "secret-token";
  /** Written into answers in place of this fake's own URL (the status URLs it names). */
  static final String BASE = "{{base}}";

  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();
  volatile Handler batch = (r, n) -> acceptAll(r);
  volatile Handler page = (r, n) -> new Answer(202,
      "{\"id\":\"p-1\",\"revision\":7,\"status\":\"accepted\",\"title\":\"a page\","
          + "\"statusUrl\":\"" + BASE + "/api/articles/p-1/status?revision=7\"}", null);
  volatile Handler status = (r, n) -> new Answer(200, "{\"status\":\"indexed\"}", null);
  private final HttpServer server;
  private final java.util.concurrent.ExecutorService threads = Executors.newCachedThreadPool();

  FakeIngest() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests(String method, String pathPrefix) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    Request request = new Request(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst("Authorization"), body);
    requests.add(request);
    Answer answer;
    if (!("Bearer " + TOKEN).equals(request.authorization())) {
      answer = new Answer(401, "{\"error\":\"Missing or wrong token\",\"details\":[]}", null);
    } else if (request.method().equals("POST") && path.equals("/api/articles/batch")) {
      answer = batch.answer(request, batches.incrementAndGet());
    } else if (request.method().equals("POST") && path.equals("/api/articles")) {
      answer = page.answer(request, pages.incrementAndGet());
    } else if (request.method().equals("GET") && path.startsWith("/api/articles/") && path.endsWith("/status")) {
      answer = status.answer(request, polls.incrementAndGet());
    } else {
      answer = new Answer(404, "{\"error\":\"no such endpoint\"}", null);
    }
    if (answer == null) {
      exchange.close(); // no status line: the client sees a lost connection
      return;
    }
    byte[] bytes = answer.body().replace(BASE, url()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        request.path().startsWith("/api/articles/batch") && answer.status() == 200
            ? "application/x-ndjson" : "application/json");
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  /** Accepts lines with a title and a body; refuses an empty title as the service does. */
  static Answer acceptAll(Request request) {
    StringBuilder out = new StringBuilder();
    List<String> lines = request.lines();
    for (int i = 0; i < lines.size(); i++) {
      out.append(lineAnswer(i + 1, lines.get(i))).append('\n');
    }
    return new Answer(200, out.toString(), null);
  }

  static String lineAnswer(int line, String json) {
    JsonNode article = JSON.readTree(json);
    String title = article.path("title").asString("");
    if (title.isBlank()) {
      return "{\"line\":" + line + ",\"status\":\"invalid\",\"error\":\"Invalid article\","
          + "\"details\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}";
    }
    return "{\"line\":" + line + ",\"status\":\"accepted\",\"id\":\"" + idOf(title)
        + "\",\"revision\":1000,\"title\":" + JSON.writeValueAsString(title)
        + ",\"statusUrl\":\"" + BASE + "/api/articles/" + idOf(title) + "/status?revision=1000\"}";
  }

  static String idOf(String title) {
    return "u-" + Integer.toHexString(title.hashCode());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
