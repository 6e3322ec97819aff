package io.articlepipeline.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.http.JsonHttp.Answer;
import io.articlepipeline.ops.http.JsonHttp.UnreachableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HealthProbesTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void serviceReportsItsActuatorStatusAndComponents() {
    HealthProbes probes = probes(uri -> new Answer(503, json.readTree(
        "{\"status\":\"DOWN\",\"components\":{\"kafka\":{\"status\":\"DOWN\"},\"ping\":{\"status\":\"UP\"}}}")));

    Probe probe = probes.service("enrich", URI.create("http://127.0.0.1:8082"));

    assertThat(probe.status()).isEqualTo("DOWN");
    assertThat(probe.url()).isEqualTo("http://127.0.0.1:8082/actuator/health");
    assertThat(probe.details()).containsEntry("kafka", "DOWN").containsEntry("httpStatus", 503);
  }

  @Test
  void unreachableServiceIsDownWithTheReason() {
    HealthProbes probes = probes(uri -> {
      throw new UnreachableException(uri + " did not answer: ConnectException", null);
    });

    Probe probe = probes.service("ingest", URI.create("http://127.0.0.1:8080"));

    assertThat(probe.up()).isFalse();
    assertThat(probe.details().get("error").toString()).contains("did not answer");
  }

  @Test
  void yellowElasticsearchIsUpRedIsDown() {
    assertThat(probes(uri -> new Answer(200, json.readTree("{\"status\":\"yellow\"}")))
        .elasticsearch().up()).isTrue();
    assertThat(probes(uri -> new Answer(200, json.readTree("{\"status\":\"red\"}")))
        .elasticsearch().up()).isFalse();
  }

  @Test
  void registryIsUpWhenItListsSubjects() {
    Probe probe = probes(uri -> new Answer(200, json.readTree("[\"a-value\",\"b-value\"]"))).registry();

    assertThat(probe.up()).isTrue();
    assertThat(probe.details()).containsEntry("subjects", 2);
  }

  @Test
  void overallStatusIsDownWhenAnyComponentIsDown() {
    Probe up = new Probe("a", "service", "u", "UP", 1, Map.of());
    Probe down = new Probe("b", "service", "u", "DOWN", 1, Map.of());

    assertThat(HealthView.of(Instant.EPOCH, List.of(up, up)).status()).isEqualTo("UP");
    assertThat(HealthView.of(Instant.EPOCH, List.of(up, down)).status()).isEqualTo("DOWN");
  }

  private static HealthProbes probes(Function<URI, Answer> get) {
    return new HealthProbes(null, get, Duration.ofSeconds(1), "127.0.0.1:9092",
        URI.create("http://127.0.0.1:8081/apis/ccompat/v7"), URI.create("http://127.0.0.1:9200"));
  }
}
