package io.articlepipeline.ingest;

import io.articlepipeline.schemas.serde.RegistryPing;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code schemaRegistry} in /actuator/health: this stage cannot write Avro without it. */
@Component("schemaRegistry")
class RegistryHealth implements HealthIndicator {

  private final RegistryPing ping = new RegistryPing(Duration.ofSeconds(2));
  private final String url;

  RegistryHealth(@Value("${SCHEMA_REGISTRY_URL:http://127.0.0.1:8081/apis/ccompat/v7}") String url) {
    this.url = url;
  }

  @Override
  public Health health() {
    RegistryPing.Result result = ping.ping(url);
    return (result.up() ? Health.up() : Health.down()).withDetail("url", result.url())
        .withDetail("detail", result.detail()).build();
  }
}
