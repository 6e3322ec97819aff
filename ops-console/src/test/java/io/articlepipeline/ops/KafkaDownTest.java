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
    registry.add("pipeline.ops.token", () -> "t");
    registry.add("pipeline.ops.kafka.bootstrap-servers", () -> nowhere);
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

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer t").build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
