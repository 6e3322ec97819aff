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
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * Reprocessing on the real broker, with a stand-in for the enrich stage that offers the stage's
 * binding API (stop, start, state) over HTTP: the console stops it with the ops token, waits
 * until its group is empty, rewinds, starts it again and reports the phases until the stage has
 * read everything again; a second reprocess meanwhile is a 409 problem document; when the stage
 * refuses to stop, the reprocess fails and the binding is started again; with a {@code since}, only
 * the records written from then on are read again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReprocessApiIT {

  private static final String TOKEN = "it-ops-token";
  private static final String TOPIC = KafkaTestSupport.uniqueName("ops-it-reprocess");
  private static final String GROUP = KafkaTestSupport.uniqueName("ops-it-stage");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Stage STAGE = new Stage();
  private static final BindingApi API = BindingApi.start();

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.topics", () -> TOPIC);
    registry.add("pipeline.ops.reprocess.group", () -> GROUP);
    registry.add("pipeline.ops.reprocess.topic", () -> TOPIC);
    registry.add("pipeline.ops.services.enrich", () -> "http://127.0.0.1:" + API.server.getAddress().getPort());
  }

  @BeforeAll
  static void records() throws Exception {
    KafkaTestSupport.createTopic(TOPIC, 2);
    KafkaTestSupport.produce(TOPIC, 0, 5);
    KafkaTestSupport.produce(TOPIC, 1, 4);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    API.server.stop(0);
    STAGE.stop();
    KafkaTestSupport.deleteQuietly(List.of(TOPIC), List.of(GROUP));
  }

  @Test
  void theStageIsStoppedRewoundStartedAndReadsEverythingAgainThenAFailedStopStartsItAgain()
      throws Exception {
    STAGE.start();
    await(() -> STAGE.reads.getOrDefault("0/4", 0) >= 1 && STAGE.reads.getOrDefault("1/3", 0) >= 1);
    await(() -> progress().get("lag").asLong() == 0);
    assertThat(progress().get("phase").asString()).isEqualTo("idle");

    JsonNode started = call("POST", "/api/ops/reprocess", 202);
    assertThat(started.get("phase").asString()).isEqualTo("stopping");

    HttpResponse<String> second = send("POST", "/api/ops/reprocess");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json.readTree(second.body()).get("error").asString()).contains("under way");

    await(() -> "done".equals(progress().get("phase").asString()));
    JsonNode done = progress();
    assertThat(done.get("toReprocess").asLong()).isEqualTo(9);
    assertThat(done.get("reprocessed").asLong()).isEqualTo(9);
    assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
    assertThat(done.get("caughtUp").asBoolean()).isTrue();
    assertThat(done.get("error").isNull()).isTrue();
    assertThat(STAGE.reads.get("0/0")).isEqualTo(2);
    assertThat(STAGE.reads.get("1/0")).isEqualTo(2);
    assertThat(API.calls).containsExactly("POST /api/enrich/binding/stop", "POST /api/enrich/binding/start");
    assertThat(API.authorizations).containsOnly("Bearer " + TOKEN);
    assertThat(STAGE.running()).isTrue();

    // the stage refuses to stop: nothing is rewound, the binding is started again, the status says so
    API.calls.clear();
    API.failStop.set(true);
    call("POST", "/api/ops/reprocess", 202);
    await(() -> "failed".equals(progress().get("phase").asString()));
    JsonNode failed = progress();
    assertThat(failed.get("error").asString()).contains("phase stopping").contains("answered 500")
        .contains("the input binding runs again");
    assertThat(failed.get("rewind").isNull()).isTrue();
    assertThat(API.calls).containsExactly("POST /api/enrich/binding/stop", "POST /api/enrich/binding/start");
    assertThat(STAGE.reads.get("0/0")).isEqualTo(2);
    assertThat(STAGE.running()).isTrue();

    // since an instant: only the records written from then on are read again (the producer's
    // clock stamps them, and it is this JVM's)
    API.failStop.set(false);
    API.calls.clear();
    HttpResponse<String> bad = send("POST", "/api/ops/reprocess?since=yesterday");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("error").asString()).contains("'yesterday'");
    Thread.sleep(50);
    Instant cut = Instant.now();
    Thread.sleep(50);
    KafkaTestSupport.produce(TOPIC, 0, 3);
    await(() -> STAGE.reads.getOrDefault("0/7", 0) >= 1 && progress().get("lag").asLong() == 0);
    JsonNode recent = call("POST", "/api/ops/reprocess?since=" + cut, 202);
    assertThat(recent.get("phase").asString()).isEqualTo("stopping");
    await(() -> "done".equals(progress().get("phase").asString()));
    JsonNode sinceDone = progress();
    assertThat(sinceDone.get("rewind").get("since").asString()).isEqualTo(cut.toString());
    assertThat(sinceDone.get("toReprocess").asLong()).as(sinceDone.toString()).isEqualTo(3);
    assertThat(sinceDone.get("reprocessed").asLong()).isEqualTo(3);
    assertThat(STAGE.reads.get("0/5")).isEqualTo(2);
    assertThat(STAGE.reads.get("0/7")).isEqualTo(2);
    assertThat(STAGE.reads.get("0/4")).as("written before the cut").isEqualTo(2);
    assertThat(STAGE.reads.get("1/0")).isEqualTo(2);
  }

  /** A stand-in for the enrich stage: reads, counts each offset it sees, commits; can be stopped and started. */
  private static final class Stage {
    final Map<String, Integer> reads = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    synchronized void start() {
      if (running.getAndSet(true)) {
        return;
      }
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
            consumer.commitSync();
          }
        }
      }, "test-stage");
      thread.start();
    }

    /** Like a stopped binding: the consumer closes and leaves the group. */
    synchronized void stop() throws InterruptedException {
      running.set(false);
      if (thread != null) {
        thread.join(30_000);
      }
    }

    boolean running() {
      return running.get();
    }
  }

  /** The stage's binding API as enrich-service offers it. */
  private static final class BindingApi {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicBoolean failStop = new AtomicBoolean();
    HttpServer server;

    static BindingApi start() {
      BindingApi api = new BindingApi();
      try {
        api.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      api.server.createContext("/api/enrich/binding", api::handle);
      api.server.start();
      return api;
    }

    private void handle(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      calls.add(exchange.getRequestMethod() + " " + path);
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      int status = 200;
      String body;
      try {
        if (path.endsWith("/stop")) {
          if (failStop.get()) {
            status = 500;
          } else {
            STAGE.stop();
          }
        } else if (path.endsWith("/start")) {
          STAGE.start();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 500;
      }
      body = status == 200
          ? "{\"binding\":\"enrichArticles-in-0\",\"state\":\"" + (STAGE.running() ? "running" : "stopped") + "\"}"
          : "{\"status\":500,\"error\":\"refused\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
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

  private HttpResponse<String> send(String method, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Authorization", "Bearer " + TOKEN)
              .method(method, HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode call(String method, String path, int status) {
    HttpResponse<String> response = send(method, path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }
}
