package io.articlepipeline.ops.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Actuator health of the console's own dependencies, Kafka and the schema registry. */
final class DependencyHealthIndicators {

  private DependencyHealthIndicators() {
  }

  static HealthIndicator of(java.util.function.Supplier<Probe> probe) {
    return () -> {
      Probe p = probe.get();
      Health.Builder builder = p.up() ? Health.up() : Health.down();
      return builder.withDetail("url", p.url()).withDetails(p.details()).build();
    };
  }
}
