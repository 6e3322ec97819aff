package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import io.articlepipeline.testing.StackEnv;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The zero-downtime rebuild on the real stack: a new index version is filled by replaying the
 * topic, articles arriving meanwhile land in it too, the aliases switch, and searches keep
 * answering with every article throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReindexIT {

  private static final String TOKEN = "reindex-it-token";
  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private IndexServiceApp app;
  private AvroSerializer serializer;

  @BeforeAll
  void start() throws Exception {
    serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, StackEnv.registry()), false);
    app = IndexServiceApp.start(run, "--pipeline.auth.tokens.ops=" + TOKEN);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void rebuildsIntoANewVersionWhileSearchesKeepAnswering() throws Exception {
    produce(0, 20);
    await().atMost(Duration.ofSeconds(60)).until(() -> total() == 20);

    HttpResponse<String> denied = send("POST", "/api/admin/reindex", null);
    assertThat(denied.statusCode()).isEqualTo(401);

    List<String> problems = new CopyOnWriteArrayList<>();
    AtomicBoolean searching = new AtomicBoolean(true);
    Thread searcher = new Thread(() -> {
      while (searching.get()) {
        try {
          long t = total();
          if (t < 20) {
            problems.add("total " + t);
          }
        } catch (Exception e) {
          problems.add(e.toString());
        }
      }
    });
    searcher.start();

    HttpResponse<String> started = send("POST", "/api/admin/reindex", TOKEN);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    produce(20, 25);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      String phase = json.readTree(send("GET", "/api/admin/reindex", TOKEN).body()).get("phase").asString();
      return phase.equals("DONE") || phase.equals("FAILED");
    });
    JsonNode status = json.readTree(send("GET", "/api/admin/reindex", TOKEN).body());
    assertThat(status.get("phase").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("fromIndex").asString()).isEqualTo(run + "-articles-v1");
    assertThat(status.get("toIndex").asString()).isEqualTo(run + "-articles-v2");

    await().atMost(Duration.ofSeconds(60)).until(() -> total() == 25);
    searching.set(false);
    searcher.join();
    assertThat(problems).as("searches during the rebuild").isEmpty();

    JsonNode aliases = json.readTree(http.send(HttpRequest.newBuilder(URI.create(StackEnv.elasticsearch() + "/"
        + run + "-articles-v2/_alias")).build(), HttpResponse.BodyHandlers.ofString()).body());
    JsonNode v2 = aliases.get(run + "-articles-v2").get("aliases");
    assertThat(v2.has(run + "-articles")).isTrue();
    assertThat(v2.get(run + "-articles-write").get("is_write_index").asBoolean()).isTrue();
  }

  private void produce(int from, int to) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackEnv.kafka());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      for (int i = from; i < to; i++) {
        String title = "志愿服务活动第" + i + "期";
        String body = "社区志愿者开展第" + i + "期志愿服务活动。";
        ArticleEnriched a = IndexServiceApp.article("r" + i, 1, title, body).build();
        producer.send(new ProducerRecord<>(app.topic, a.getId(), serializer.serialize(app.topic, a))).get();
      }
    }
  }

  private long total() throws Exception {
    HttpResponse<String> r = send("GET", "/api/search?size=1&q=" + URLEncoder.encode("志愿服务", StandardCharsets.UTF_8), null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body()).get("total").asLong();
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
