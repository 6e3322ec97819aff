package io.articlepipeline.ops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.KafkaTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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

/**
 * Reprocessing on the real broker: a running stage is refused unless forced; forced, it reads
 * everything again; stopped, its offsets go back to the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReprocessApiIT {

  private static final String TOKEN = "it-ops-token";
  private static final String TOPIC = KafkaTestSupport.uniqueName("ops-it-reprocess");
  private static final String GROUP = KafkaTestSupport.uniqueName("ops-it-stage");
  private static final Duration WAIT = Duration.ofSeconds(90);

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("pipeline.ops.kafka.bootstrap-servers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.topics", () -> TOPIC);
    registry.add("pipeline.ops.reprocess.group", () -> GROUP);
    registry.add("pipeline.ops.reprocess.topic", () -> TOPIC);
  }

  @BeforeAll
  static void records() throws Exception {
    KafkaTestSupport.createTopic(TOPIC, 2);
    KafkaTestSupport.produce(TOPIC, 0, 5);
    KafkaTestSupport.produce(TOPIC, 1, 4);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    KafkaTestSupport.deleteQuietly(List.of(TOPIC), List.of(GROUP));
  }

  @Test
  void runningStageIsRefusedThenForcedRewindReadsEverythingAgainThenStoppedRewindResets()
      throws Exception {
    try (Stage stage = new Stage()) {
      await(() -> stage.reads.getOrDefault("0/4", 0) >= 1 && stage.reads.getOrDefault("1/3", 0) >= 1);
      await(() -> progress().get("lag").asLong() == 0);

      JsonNode refused = call("POST", "/api/ops/reprocess", 409);
      assertThat(refused.get("error").asString()).contains(GROUP).contains("active member");
      assertThat(refused.get("details").toString()).contains("force=true");

      JsonNode started = call("POST", "/api/ops/reprocess?force=true", 202);
      assertThat(started.get("toReprocess").asLong()).isEqualTo(9);
      assertThat(started.get("rewind").get("removedMembers")).hasSize(1);

      await(() -> stage.reads.getOrDefault("0/0", 0) >= 2 && stage.reads.getOrDefault("1/0", 0) >= 2);
      await(() -> progress().get("caughtUp").asBoolean());
      assertThat(progress().get("percent").asDouble()).isEqualTo(100.0);
    }

    JsonNode idle = call("POST", "/api/ops/reprocess", 202);
    assertThat(idle.get("reprocessed").asLong()).isZero();
    assertThat(idle.get("lag").asLong()).isEqualTo(9);
    assertThat(idle.get("caughtUp").asBoolean()).isFalse();
    assertThat(idle.get("rewind").get("removedMembers")).isEmpty();
  }

  /** A stand-in for the enrich stage: reads, counts each offset it sees, commits. */
  private static final class Stage implements AutoCloseable {
    final Map<String, Integer> reads = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Stage() {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.BOOTSTRAP);
      props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      thread = new Thread(() -> {
        try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
          consumer.subscribe(Set.of(TOPIC));
          while (running.get()) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
              reads.merge(r.partition() + "/" + r.offset(), 1, Integer::sum);
            }
            try {
              consumer.commitSync();
            } catch (CommitFailedException | RebalanceInProgressException e) {
              // Removed from the group by the forced rewind: the next poll rejoins.
              reads.merge("commit-failed", 1, Integer::sum);
            }
          }
        }
      }, "test-stage");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
    }
  }

  private JsonNode progress() {
    return call("GET", "/api/ops/reprocess", 200);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(200);
    }
  }

  private JsonNode call(String method, String path, int status) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Bearer " + TOKEN)
          .method(method, HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
      return json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
