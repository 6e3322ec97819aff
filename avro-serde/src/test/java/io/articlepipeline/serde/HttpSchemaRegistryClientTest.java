package io.articlepipeline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.articlepipeline.retry.Retry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a registry answering canned JSON on a local port. */
class HttpSchemaRegistryClientTest {

  private static final Schema SCHEMA = SchemaBuilder.record("Probe").namespace("io.articlepipeline.test")
      .fields().requiredString("id").endRecord();

  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, String> requests = new ConcurrentHashMap<>();
  private HttpServer server;
  private HttpSchemaRegistryClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      requests.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String answer = answers.getOrDefault(key, "404 {\"error_code\": 40401, \"message\": \"Subject not found\"}");
      int space = answer.indexOf(' ');
      byte[] body = answer.substring(space + 1).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, space)), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    client = new HttpSchemaRegistryClient(List.of("http://127.0.0.1:" + server.getAddress().getPort()),
        new Retry(1, Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void registersWithTheSchemaAsAJsonString() {
    answers.put("POST /subjects/t-value/versions", "200 {\"id\": 7}");

    assertThat(client.register("t-value", SCHEMA)).isEqualTo(7);
    assertThat(requests.get("POST /subjects/t-value/versions")).isEqualTo(
        "{\"schema\":\"" + SCHEMA.toString().replace("\"", "\\\"") + "\"}");
  }

  @Test
  void readsTheLatestVersionAndASchemaById() {
    String schema = "\"" + SCHEMA.toString().replace("\"", "\\\"") + "\"";
    answers.put("GET /subjects/t-value/versions/latest", "200 {\"id\": 3, \"version\": 2, \"schema\": " + schema + "}");
    answers.put("GET /schemas/ids/5", "200 {\"schema\": " + schema + "}");

    assertThat(client.latest("t-value")).isEqualTo(new SchemaRegistryClient.RegisteredSchema(3, 2, SCHEMA));
    assertThat(client.byId(5)).isEqualTo(SCHEMA);
  }

  @Test
  void anErrorAnswerNamesItsCodeAndMessage() {
    assertThatThrownBy(() -> client.latest("missing-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40401);
          assertThat(e.getMessage()).endsWith("answered 404 (error_code 40401): Subject not found");
        });
  }

  @Test
  void anAnswerThatIsNotJsonIsTheMessage() {
    answers.put("GET /schemas/ids/9", "500 upstream down");

    assertThatThrownBy(() -> client.byId(9))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.errorCode()).isEqualTo(-1);
          assertThat(e.getMessage()).endsWith("answered 500: upstream down");
        });
  }

  @Test
  void aRegisterAnswerWithoutAnIdIsAnError() {
    answers.put("POST /subjects/t-value/versions", "200 {}");

    assertThatThrownBy(() -> client.register("t-value", SCHEMA))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("without an id");
  }
}
