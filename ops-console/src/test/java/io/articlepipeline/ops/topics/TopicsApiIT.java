package io.articlepipeline.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.KafkaTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
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

/** The topics API against the real broker: the lag it reports is end offset minus committed offset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TopicsApiIT {

  private static final String TOKEN = "it-ops-token";
  private static final String TOPIC = KafkaTestSupport.uniqueName("ops-it-topics");
  private static final String MISSING = KafkaTestSupport.uniqueName("ops-it-missing");
  private static final String GROUP = KafkaTestSupport.uniqueName("ops-it-group");
  private static final String SILENT_GROUP = KafkaTestSupport.uniqueName("ops-it-silent");

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.topics", () -> TOPIC + "," + MISSING);
    registry.add("pipeline.ops.groups[" + GROUP + "]", () -> TOPIC);
    registry.add("pipeline.ops.groups[" + SILENT_GROUP + "]", () -> TOPIC);
  }

  @BeforeAll
  static void producesAndCommits() throws Exception {
    KafkaTestSupport.createTopic(TOPIC, 3);
    KafkaTestSupport.produce(TOPIC, 0, 7);
    KafkaTestSupport.produce(TOPIC, 1, 5);
    KafkaTestSupport.produce(TOPIC, 2, 3);
    // Partition 2 gets no commit at all.
    KafkaTestSupport.commit(GROUP, Map.of(
        new TopicPartition(TOPIC, 0), 4L,
        new TopicPartition(TOPIC, 1), 5L));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    KafkaTestSupport.deleteQuietly(List.of(TOPIC), List.of(GROUP));
  }

  @Test
  void reportsLagAsEndOffsetMinusCommittedOffset() throws Exception {
    JsonNode topic = topicsResponse().get("topics").get(0);

    assertThat(topic.get("topic").asString()).isEqualTo(TOPIC);
    assertThat(topic.get("exists").asBoolean()).isTrue();
    assertThat(topic.get("partitions").findValuesAsString("endOffset"))
        .containsExactly("7", "5", "3");
    assertThat(topic.get("endOffsetTotal").asLong()).isEqualTo(15);

    JsonNode group = groupNamed(topic, GROUP);
    JsonNode partitions = group.get("partitions");
    assertThat(partitions.get(0).get("committedOffset").asLong()).isEqualTo(4);
    assertThat(partitions.get(0).get("lag").asLong()).isEqualTo(7 - 4);
    assertThat(partitions.get(1).get("lag").asLong()).isEqualTo(5 - 5);
    assertThat(partitions.get(2).get("committedOffset").isNull()).isTrue();
    assertThat(partitions.get(2).get("lag").asLong()).isEqualTo(3);
    assertThat(partitions.get(2).get("basis").asString()).isEqualTo("NO_COMMITTED_OFFSET");
    assertThat(group.get("totalLag").asLong()).isEqualTo(3 + 0 + 3);
    assertThat(group.get("state").asString()).isEqualTo("EMPTY");
  }

  @Test
  void throughputIsKnownRightAfterAStartFromTheRecordsTimestamps() throws Exception {
    // the 15 records were written just before this console started: its first sample already
    // knows how many the topic held a rate window ago (none), so there is a rate at once (without
    // that, the first sample has no rate and the next one says 0 records/s)
    JsonNode topic = topicsResponse().get("topics").get(0);
    long deadline = System.currentTimeMillis() + 15_000;
    while (topic.get("messagesPerSecond").isNull() && System.currentTimeMillis() < deadline) {
      Thread.sleep(200); // the first sample is taken as the console starts; wait until it is in
      topic = topicsResponse().get("topics").get(0);
    }

    assertThat(topic.get("messagesPerSecond").isNull()).as(topic.toString()).isFalse();
    assertThat(topic.get("messagesPerSecond").asDouble()).isGreaterThan(0);
  }

  @Test
  void expectedGroupThatNeverCommittedLagsByEveryRecord() throws Exception {
    JsonNode group = groupNamed(topicsResponse().get("topics").get(0), SILENT_GROUP);

    assertThat(group.get("state").asString()).isEqualTo("NOT_FOUND");
    assertThat(group.get("totalLag").asLong()).isEqualTo(15);
  }

  @Test
  void topicNotCreatedYetIsReportedAsMissing() throws Exception {
    JsonNode missing = topicsResponse().get("topics").get(1);

    assertThat(missing.get("topic").asString()).isEqualTo(MISSING);
    assertThat(missing.get("exists").asBoolean()).isFalse();
    assertThat(missing.get("partitions")).isEmpty();
  }

  @Test
  void refusesCallsWithoutTheOpsToken() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/ops/topics"))
        .header("Authorization", "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json.readTree(response.body()).get("error").asString()).contains("ops token");
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isIn(200, 503);
    assertThat(response.body()).contains("\"status\"");
  }

  private JsonNode topicsResponse() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/ops/topics"))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JsonNode groupNamed(JsonNode topic, String name) {
    for (JsonNode group : topic.get("groups")) {
      if (group.get("group").asString().equals(name)) {
        return group;
      }
    }
    throw new AssertionError("group " + name + " not reported in " + topic);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
