package io.articlepipeline.support.registry;

import io.articlepipeline.serde.RegistryPing;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code schemaRegistry} in /actuator/health: a stage that reads or writes Avro cannot work
 * without the registry, so the service says so, with the URL it asked and what went wrong.
 */
public class RegistryHealth implements HealthIndicator {

  private final RegistryPing ping;
  private final String url;

  public RegistryHealth(String url, Duration timeout) {
    this.url = url;
    this.ping = new RegistryPing(timeout);
  }

  @Override
  public Health health() {
    RegistryPing.Result result = ping.ping(url);
    return (result.up() ? Health.up() : Health.down()).withDetail("url", result.url())
        .withDetail("detail", result.detail()).build();
  }
}
