package io.articlepipeline.ops.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/health}: every service, Kafka, the registry and Elasticsearch. */
@RestController
public class HealthController {

  private final HealthService health;

  public HealthController(HealthService health) {
    this.health = health;
  }

  /** Always 200: the body says what is down; the call itself worked. */
  @GetMapping("/api/ops/health")
  public HealthView health() {
    return health.check();
  }
}
