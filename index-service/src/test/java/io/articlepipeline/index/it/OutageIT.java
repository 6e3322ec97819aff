package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.testing.StackEnv;
import io.articlepipeline.testing.TcpGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outages of what the index stage depends on are not bad data. Each test runs the stage against
 * the stack's real schema registry and Elasticsearch, one of them reached through a
 * {@link TcpGate} that the test shuts: the stage must fail the batch again and again, commit
 * nothing past it, dead-letter nothing, and index it once the gate opens.
 */
class OutageIT {

  private static final String BACKOFF = "--pipeline.index.batch-max-backoff=2s";
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  /** Cold (no schema cached), the stage meets records it cannot decode while the registry is down. */
  @Test
  void recordsReadWhileTheRegistryIsDownAreIndexedOnceItIsBack() throws Exception {
    String run = "it" + UUID.randomUUID().toString().substring(0, 8);
    try (TcpGate gate = new TcpGate(URI.create(StackEnv.registry()));
         IndexServiceApp app = IndexServiceApp.startWith(run, gate.through(StackEnv.registry()),
             StackEnv.elasticsearch(), BACKOFF)) {
      gate.shut();
      publishTwo(app);
      awaitFailingAgainAndAgain(app);
      assertThat(status(app, "outage-1")).isEqualTo(404);
      gate.open();
      awaitIndexedAndCommitted(app);
    }
  }

  /** Elasticsearch refuses connections: the batch stays uncommitted and searches say why. */
  @Test
  void aBatchWrittenWhileElasticsearchIsDownIsIndexedOnceItIsBack() throws Exception {
    String run = "it" + UUID.randomUUID().toString().substring(0, 8);
    try (TcpGate gate = new TcpGate(URI.create(StackEnv.elasticsearch()));
         IndexServiceApp app = IndexServiceApp.startWith(run, StackEnv.registry(),
             gate.through(StackEnv.elasticsearch()), BACKOFF, "--pipeline.index.bulk-max-attempts=2")) {
      gate.shut();
      publishTwo(app);
      awaitFailingAgainAndAgain(app);
      HttpResponse<String> search = get(app, "/api/search?q=volunteers");
      assertThat(search.statusCode()).isEqualTo(503);
      assertThat(search.body()).contains("Elasticsearch is not reachable");
      gate.open();
      awaitIndexedAndCommitted(app);
    }
  }

  /** Written through the registry itself: the records are good. */
  private static void publishTwo(IndexServiceApp app) throws Exception {
    app.publish(List.of(
        IndexServiceApp.article("outage-1", 1, "暴雨中的志愿者", "上街区志愿者在暴雨中疏导交通。").build(),
        IndexServiceApp.article("outage-2", 1, "Volunteers at the testing site", "Volunteers help at a testing site.")
            .build()));
  }

  private void awaitFailingAgainAndAgain(IndexServiceApp app) throws Exception {
    await("the stage failing the batch again and again (a stage that dead-letters or skips it fails only once)")
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> failedBatches(app) >= 3);
    assertThat(committed(app)).as("nothing is committed past a batch that was not indexed").isNull();
    assertThat(app.deadLetters(1, Duration.ofSeconds(2))).as("an outage is no reason to dead-letter").isEmpty();
  }

  private void awaitIndexedAndCommitted(IndexServiceApp app) throws Exception {
    await("both articles indexed after the outage")
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> status(app, "outage-1") == 200 && status(app, "outage-2") == 200);
    await().atMost(Duration.ofSeconds(30)).until(() -> committed(app) != null && committed(app).offset() == 2);
    assertThat(app.deadLetters(1, Duration.ofSeconds(2))).isEmpty();
    JsonNode article = json.readTree(get(app, "/api/articles/outage-1").body());
    assertThat(article.get("title").asString()).isEqualTo("暴雨中的志愿者");
  }

  private static double failedBatches(IndexServiceApp app) {
    return app.context.getBean(MeterRegistry.class).counter("pipeline.index.batches.failed").count();
  }

  /** The stage's committed offset on the run's topic, or null. */
  private static OffsetAndMetadata committed(IndexServiceApp app) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", StackEnv.kafka()))) {
      return admin.listConsumerGroupOffsets(app.run).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(app.topic, 0));
    }
  }

  private int status(IndexServiceApp app, String id) throws Exception {
    return get(app, "/api/articles/" + id).statusCode();
  }

  private HttpResponse<String> get(IndexServiceApp app, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
