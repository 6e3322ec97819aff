package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An outage of the schema registry is not bad data: the index stage, cold (no schema cached),
 * meets records it cannot decode because the registry is unreachable; it must neither dead-letter
 * nor skip them, commit nothing past them, and index them once the registry answers again. The
 * registry is the stack's real one, reached through a {@link TcpGate} that this test shuts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryOutageIT {

  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private TcpGate gate;
  private IndexServiceApp app;

  @BeforeAll
  void start() throws Exception {
    gate = new TcpGate(URI.create(StackEnv.registry()));
    app = IndexServiceApp.startReading(run, gate.through(StackEnv.registry()), "--pipeline.index.batch-max-backoff=2s");
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (gate != null) {
      gate.close();
    }
  }

  @Test
  void recordsReadWhileTheRegistryIsDownAreIndexedOnceItIsBackNotDeadLetteredOrSkipped() throws Exception {
    gate.shut();
    // written through the registry itself: the records are good, only the stage cannot reach it
    app.publish(List.of(
        IndexServiceApp.article("outage-1", 1, "暴雨中的志愿者", "上街区志愿者在暴雨中疏导交通。").build(),
        IndexServiceApp.article("outage-2", 1, "核酸检测点的志愿者", "志愿者奔赴社区防疫前线。").build()));

    // the stage has read the batch and failed it more than once
    await("the stage failing the batch again and again (a stage that dead-letters or skips it fails only once)")
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> failedBatches() >= 3);
    assertThat(committed()).as("nothing is committed past a record that could not be read").isNull();
    assertThat(status("outage-1")).isEqualTo(404);
    assertThat(app.deadLetters(1, Duration.ofSeconds(2))).as("an unreachable registry is no reason to dead-letter").isEmpty();

    gate.open();
    await("both articles indexed after the registry is back")
        .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> status("outage-1") == 200 && status("outage-2") == 200);
    await().atMost(Duration.ofSeconds(30)).until(() -> committed() != null && committed().offset() == 2);
    assertThat(app.deadLetters(1, Duration.ofSeconds(2))).isEmpty();
    String body = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/articles/outage-2")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    assertThat(new ObjectMapper().readTree(body).get("title").asText()).isEqualTo("核酸检测点的志愿者");
  }

  private double failedBatches() {
    return app.context.getBean(MeterRegistry.class).counter("pipeline.index.batches.failed").count();
  }

  /** The stage's committed offset on the run's topic, or null. */
  private OffsetAndMetadata committed() throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", StackEnv.kafka()))) {
      return admin.listConsumerGroupOffsets(run).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(app.topic, 0));
    }
  }

  private int status(String id) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/articles/" + id)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
