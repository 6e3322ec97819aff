package io.articlepipeline.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ingest.IngestApplication;
import io.articlepipeline.testing.StackEnv;
import io.articlepipeline.testing.TcpGate;
import io.articlepipeline.testing.TopicReader;
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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest service on the real Kafka and the real schema registry, reached through a
 * {@link TcpGate} that the test shuts: a submission while the registry is down is refused with a
 * 503 that names the registry and says to retry, and nothing reaches the topic; the same
 * submission once the gate opens is accepted and written. Runs in the test JVM on a topic of its
 * own. Endpoints: KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL (defaults: the local stack).
 */
class RegistryOutageIT {

  private static final String KAFKA = StackEnv.kafka();
  private static final String REGISTRY = StackEnv.registry();
  private static final String TOKEN = "outage-it-token";

  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final String topic = run + ".articles.submitted";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSubmissionWhileTheRegistryIsDownIs503NamingItAndStoresNothingThenSucceeds() throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", KAFKA))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (TcpGate gate = new TcpGate(URI.create(REGISTRY));
         ConfigurableApplicationContext app = start(gate.through(REGISTRY))) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      gate.shut();

      HttpResponse<String> refused = submit(base);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(refused.body()).contains("the schema registry is unreachable").contains("retry later");
      assertThat(read(1, Duration.ofSeconds(3))).as("nothing stored for a refused submission").isEmpty();

      gate.open();
      HttpResponse<String> accepted = submit(base);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      List<ConsumerRecord<String, byte[]>> written = read(2, Duration.ofSeconds(5));
      assertThat(written).hasSize(1);
      assertThat(accepted.body()).contains("\"id\":\"" + written.get(0).key() + "\"");
    } finally {
      TopicReader.deleteRun(KAFKA, List.of(topic), run);
    }
  }

  private ConfigurableApplicationContext start(String registry) {
    return new SpringApplicationBuilder(IngestApplication.class).run(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.cloud.stream.kafka.binder.brokers=" + KAFKA,
        "--pipeline.ingest.topic=" + topic,
        "--pipeline.ingest.serializer-config.schema.registry.url=" + registry,
        "--pipeline.auth.tokens.submit=" + TOKEN,
        "--pipeline.ingest.schema-registry-url=" + registry);
  }

  private HttpResponse<String> submit(String base) throws Exception {
    String article = "{\"id\": \"outage-1\", \"title\": \"北京市红十字会开展应急救护培训\", "
        + "\"body\": \"北京市红十字会在社区开展应急救护培训,志愿者参加。\"}";
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(article, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private List<ConsumerRecord<String, byte[]>> read(int expected, Duration wait) {
    return TopicReader.read(KAFKA, topic, run, expected, wait);
  }
}
