package io.articlepipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.KafkaTestSupport;
import io.articlepipeline.schemas.DeadLetterHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dead letters on the real broker: the reason is shown, a replay sends the original bytes back and keeps the dead letter. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLettersApiIT {

  private static final String TOKEN = "it-ops-token";
  private static final String SOURCE = KafkaTestSupport.uniqueName("ops-it-src");
  private static final String DLQ = SOURCE + ".dlq";
  private static final byte[] NOT_AVRO = "this is not Avro".getBytes(StandardCharsets.UTF_8);

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.topics", () -> SOURCE + "," + DLQ);
    registry.add("pipeline.ops.dead-letters.topics", () -> DLQ);
    registry.add("pipeline.ops.groups[enrich]", () -> SOURCE);
  }

  @BeforeAll
  static void deadLetters() throws Exception {
    KafkaTestSupport.createTopic(SOURCE, 1);
    KafkaTestSupport.createTopic(DLQ, 1);
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestSupport.producer()) {
      for (int i = 0; i < 3; i++) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.EXCEPTION_FQCN,
            utf8("org.apache.kafka.common.errors.SerializationException"));
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("Unknown magic byte " + i));
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(SOURCE));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array());
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(100 + i).array());
        producer.send(new ProducerRecord<>(DLQ, 0, null, utf8("article-" + i), NOT_AVRO, headers))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    KafkaTestSupport.deleteQuietly(List.of(SOURCE, DLQ), List.of());
  }

  @Test
  @Order(1)
  void listsCountAndNewestDeadLettersWithTheirReason() throws Exception {
    JsonNode topic = call("GET", "/api/ops/dead-letters", null, 200).get("topics").get(0);

    assertThat(topic.get("topic").asString()).isEqualTo(DLQ);
    assertThat(topic.get("count").asLong()).isEqualTo(3);
    JsonNode newest = topic.get("newest").get(0);
    assertThat(newest.get("offset").asLong()).isEqualTo(2);
    assertThat(newest.get("exceptionMessage").asString()).isEqualTo("Unknown magic byte 2");
    assertThat(newest.get("exceptionClass").asString()).endsWith("SerializationException");
    assertThat(newest.get("originalTopic").asString()).isEqualTo(SOURCE);
    assertThat(newest.get("originalOffset").asLong()).isEqualTo(102);
    assertThat(newest.get("stage").asString()).isEqualTo("enrich");
    assertThat(newest.get("key").asString()).isEqualTo("article-2");
  }

  @Test
  @Order(2)
  void replaysSelectedDeadLettersAndKeepsThem() throws Exception {
    JsonNode report = call("POST", "/api/ops/dead-letters/" + DLQ + "/replay",
        "{\"records\":[{\"partition\":0,\"offset\":1},{\"partition\":0,\"offset\":99}]}", 200);

    assertThat(report.get("replayed").asInt()).isEqualTo(1);
    assertThat(report.get("results").get(0).get("status").asString()).isEqualTo("REPLAYED");
    assertThat(report.get("results").get(0).get("target").asString()).isEqualTo(SOURCE);
    assertThat(report.get("results").get(1).get("status").asString()).isEqualTo("NOT_FOUND");

    List<ConsumerRecord<byte[], byte[]>> replayed = KafkaTestSupport.readAll(SOURCE);
    assertThat(replayed).hasSize(1);
    assertThat(replayed.get(0).key()).isEqualTo(utf8("article-1"));
    assertThat(replayed.get(0).value()).isEqualTo(NOT_AVRO);
    assertThat(new String(replayed.get(0).headers().lastHeader(DeadLetterHeaders.REPLAY_COUNT)
        .value(), StandardCharsets.UTF_8)).isEqualTo("1");
    assertThat(replayed.get(0).headers().lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE)).isNull();

    assertThat(KafkaTestSupport.readAll(DLQ)).hasSize(3);
  }

  @Test
  @Order(3)
  void replaysAll() throws Exception {
    JsonNode report = call("POST", "/api/ops/dead-letters/" + DLQ + "/replay", "{\"all\":true}", 200);

    assertThat(report.get("requested").asInt()).isEqualTo(3);
    assertThat(report.get("replayed").asInt()).isEqualTo(3);
    assertThat(KafkaTestSupport.readAll(SOURCE)).hasSize(4);
    assertThat(KafkaTestSupport.readAll(DLQ)).hasSize(3);
  }

  @Test
  void refusesAReplayThatSaysNothingOrNamesAnUnknownTopic() throws Exception {
    JsonNode empty = call("POST", "/api/ops/dead-letters/" + DLQ + "/replay", "{}", 400);
    assertThat(empty.get("error").asString()).contains("what to replay");

    call("POST", "/api/ops/dead-letters/nope.dlq/replay", "{\"all\":true}", 404);
    call("POST", "/api/ops/dead-letters/" + DLQ + "/replay", "not json", 400);
  }

  private JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json");
    request.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
