package io.articlepipeline.ops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.articlepipeline.ops.KafkaTestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's reprocess API in front of the enrich service's (which reprocesses beside its live
 * stage; shown on the real stage by enrich-app's ReprocessIT and the end-to-end ReprocessIT): a
 * stand-in for the service records what the console sends. A start goes with the ops token and
 * its {@code since} as an instant ({@code P2D} two days back from now); a since the console cannot
 * read is a 400 that never reaches the service; the service's 409 comes back as a problem document
 * with its message; the status is the service's; a service that does not answer is a 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReprocessApiIT {

  private static final String TOKEN = "it-ops-token";
  private static final EnrichApi ENRICH = EnrichApi.start();

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.services.enrich", () -> "http://127.0.0.1:" + ENRICH.server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    ENRICH.server.stop(0);
  }

  @BeforeEach
  void reset() {
    ENRICH.calls.clear();
    ENRICH.authorizations.clear();
    ENRICH.answer.set(202);
  }

  @Test
  void aStartGoesToTheEnrichServiceWithTheOpsTokenAndItsSinceAsAnInstant() throws Exception {
    JsonNode started = call("POST", "/api/ops/reprocess", 202);
    assertThat(started.get("phase").asString()).isEqualTo("scanning");
    Instant before = Instant.now().minus(Duration.ofDays(2));
    call("POST", "/api/ops/reprocess?since=P2D", 202);
    Instant after = Instant.now().minus(Duration.ofDays(2));
    call("POST", "/api/ops/reprocess?since=2026-12-01T08:00:00%2B08:00", 202);

    assertThat(ENRICH.calls).hasSize(3);
    assertThat(ENRICH.calls.get(0)).isEqualTo("POST /api/enrich/reprocess");
    Instant sent = Instant.parse(ENRICH.calls.get(1).substring("POST /api/enrich/reprocess?since=".length()));
    assertThat(sent).isBetween(before, after);
    assertThat(ENRICH.calls.get(2)).isEqualTo("POST /api/enrich/reprocess?since=2026-12-01T00:00:00Z");
    assertThat(ENRICH.authorizations).containsOnly("Bearer " + TOKEN);

    JsonNode status = call("GET", "/api/ops/reprocess", 200);
    assertThat(status.get("phase").asString()).isEqualTo("reprocessing");
    assertThat(status.get("percent").asDouble()).isEqualTo(42.5);
  }

  @Test
  void aSinceTheConsoleCannotReadNeverReachesTheService() throws Exception {
    HttpResponse<String> bad = send("POST", "/api/ops/reprocess?since=yesterday");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("error").asString()).contains("'yesterday'");
    assertThat(ENRICH.calls).isEmpty();
  }

  @Test
  void theServicesRefusalComesBackWithItsMessage() throws Exception {
    ENRICH.answer.set(409);
    HttpResponse<String> refused = send("POST", "/api/ops/reprocess");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json.readTree(refused.body()).get("error").asString()).contains("under way");
  }

  @Test
  void aServiceThatDoesNotAnswerIsA503() throws Exception {
    ENRICH.answer.set(-1);
    HttpResponse<String> down = send("GET", "/api/ops/reprocess");
    assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
    assertThat(json.readTree(down.body()).get("error").asString()).contains("did not answer");
  }

  /** The reprocess API as enrich-service offers it; {@code answer} -1 closes the connection unanswered. */
  private static final class EnrichApi {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(202);
    HttpServer server;

    static EnrichApi start() {
      EnrichApi api = new EnrichApi();
      try {
        api.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      api.server.createContext("/api/enrich/reprocess", api::handle);
      api.server.start();
      return api;
    }

    private void handle(HttpExchange exchange) throws IOException {
      if (answer.get() < 0) {
        exchange.close();
        return;
      }
      boolean post = exchange.getRequestMethod().equals("POST");
      String query = exchange.getRequestURI().getQuery();
      calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      int status = post ? answer.get() : 200;
      String body = status == 409
          ? "{\"status\":409,\"error\":\"A reprocess is under way (phase reprocessing)\"}"
          : post ? "{\"phase\":\"scanning\",\"percent\":0.0}" : "{\"phase\":\"reprocessing\",\"percent\":42.5}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", status == 409 ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode call(String method, String path, int status) throws Exception {
    HttpResponse<String> response = send(method, path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }
}
