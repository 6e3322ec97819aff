package io.articlepipeline.ops.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.KafkaTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Schemas and health against the real registry ({@code SCHEMA_REGISTRY_URL}) and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemasAndHealthApiIT {

  static final String REGISTRY = System.getenv().getOrDefault("SCHEMA_REGISTRY_URL",
      "http://127.0.0.1:8081/apis/ccompat/v7");
  private static final String TOKEN = "it-ops-token";
  private static final String SUBJECT = KafkaTestSupport.uniqueName("ops-it-schema") + "-value";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.registry.url", () -> REGISTRY);
    // A service nobody runs, to see it reported DOWN rather than failing the call.
    registry.add("pipeline.ops.services[ghost]", () -> "http://127.0.0.1:1");
  }

  @BeforeAll
  static void registerTwoVersions() throws Exception {
    register("{\"type\":\"record\",\"name\":\"OpsIt\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    register("{\"type\":\"record\",\"name\":\"OpsIt\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
        + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}");
  }

  @AfterAll
  static void deleteSubject() throws Exception {
    send("DELETE", "/subjects/" + SUBJECT, null);
    send("DELETE", "/subjects/" + SUBJECT + "?permanent=true", null);
  }

  @Test
  void listsSubjectVersionsCompatibilityAndSchemaText() throws Exception {
    JsonNode view = get("/api/ops/schemas", 200);

    JsonNode subject = null;
    for (JsonNode s : view.get("subjects")) {
      if (s.get("subject").asString().equals(SUBJECT)) {
        subject = s;
      }
    }
    assertThat(subject).as("subject %s in %s", SUBJECT, view).isNotNull();
    assertThat(subject.get("versions")).hasSize(2);
    assertThat(subject.get("versions").get(1).get("schema").asString()).contains("\"b\"");
    assertThat(subject.get("compatibility").asString()).isNotBlank();
    assertThat(view.get("globalCompatibility").asString()).isNotBlank();
  }

  @Test
  void healthReportsEveryComponentAndWhatIsDown() throws Exception {
    JsonNode health = get("/api/ops/health", 200);

    assertThat(health.get("components").findValuesAsString("name"))
        .contains("ghost", "kafka", "registry", "elasticsearch");
    assertThat(component(health, "kafka").get("status").asString()).isEqualTo("UP");
    assertThat(component(health, "registry").get("status").asString()).isEqualTo("UP");
    assertThat(component(health, "ghost").get("status").asString()).isEqualTo("DOWN");
    assertThat(health.get("status").asString()).isEqualTo("DOWN");
  }

  @Test
  void actuatorHealthCarriesKafkaAndRegistryWithoutAToken() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());

    JsonNode components = json.readTree(response.body()).get("components");
    assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("schemaRegistry").get("status").asString()).isEqualTo("UP");
  }

  @Test
  void prometheusCarriesTheConsoleMetricsForTheOpsToken() throws Exception {
    URI metrics = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
    assertThat(HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(401);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics)
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("pipeline_ops_samples_total");
  }

  private JsonNode component(JsonNode health, String name) {
    for (JsonNode c : health.get("components")) {
      if (c.get("name").asString().equals(name)) {
        return c;
      }
    }
    throw new AssertionError(name + " missing in " + health);
  }

  private JsonNode get(String path, int status) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + TOKEN)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  private static void register(String schema) throws Exception {
    String body = "{\"schema\":" + JsonMapper.builder().build().writeValueAsString(schema) + "}";
    HttpResponse<String> response = send("POST", "/subjects/" + SUBJECT + "/versions", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(REGISTRY + path))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
