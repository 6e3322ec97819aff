package io.articlepipeline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no broker at all, the console still starts and says what is wrong instead of failing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaDownTest {

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String nowhere = "127.0.0.1:" + closedPort;
    registry.add("pipeline.auth.tokens.ops", () -> "t");
    registry.add("pipeline.auth.tokens.submit", () -> "submitter");
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> nowhere);
    registry.add("pipeline.ops.kafka.timeout", () -> "1s");
    registry.add("pipeline.ops.registry.url", () -> "http://" + nowhere);
    registry.add("pipeline.ops.elasticsearch.url", () -> "http://" + nowhere);
    for (String service : new String[] {"ingest", "enrich", "index"}) {
      registry.add("pipeline.ops.services[" + service + "]", () -> "http://" + nowhere);
    }
  }

  @Test
  void topicsAnswer503NamingTheSetting() throws Exception {
    HttpResponse<String> response = get("/api/ops/topics");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"error\"").contains("pipeline.ops.kafka");
  }

  @Test
  void healthApiReportsEverythingDownWithReasons() throws Exception {
    HttpResponse<String> response = get("/api/ops/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"DOWN\"").contains("\"name\":\"kafka\"")
        .doesNotContain("\"status\":\"UP\"");
  }

  @Test
  void schemasAnswer503NamingTheRegistry() throws Exception {
    HttpResponse<String> response = get("/api/ops/schemas");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("did not answer");
  }

  @Test
  void actuatorExposesHealthAndPrometheusOnly() throws Exception {
    assertThat(send("GET", "/actuator/health", null).statusCode()).isIn(200, 503); // DOWN without Kafka, but answered
    assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    for (String hidden : new String[] {"/actuator/env", "/actuator/info", "/actuator/beans", "/actuator/configprops",
        "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings"}) {
      assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
    }
  }

  @Test
  void withoutATokenOnlyHealthAndThePageAnswer() throws Exception {
    assertThat(send("GET", "/", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/app.js", null).statusCode()).isEqualTo(200);
    for (String path : new String[] {"/api/ops/topics", "/api/ops/health", "/actuator/prometheus", "/actuator/env",
        "/nothing"}) {
      HttpResponse<String> r = send("GET", path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
    }
  }

  @Test
  void aSubmitTokenCannotReplayReprocessOrRead() throws Exception {
    for (String[] call : new String[][] {{"POST", "/api/ops/dead-letters/articles.submitted.dlq/replay"},
        {"POST", "/api/ops/reprocess"}, {"GET", "/api/ops/topics"}, {"GET", "/actuator/prometheus"}}) {
      HttpResponse<String> r = send(call[0], call[1], "submitter");
      assertThat(r.statusCode()).as(call[1]).isEqualTo(403);
      assertThat(r.body()).contains("\"status\":403").contains("needs the ops token").doesNotContain("submitter");
    }
  }

  @Test
  void anUnknownPathWithTheTokenIsA404ProblemDocument() throws Exception {
    HttpResponse<String> r = get("/api/ops/nothing");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body()).contains("\"instance\":\"/api/ops/nothing\"").contains("\"error\":")
        .contains("\"details\":[");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, "t");
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
