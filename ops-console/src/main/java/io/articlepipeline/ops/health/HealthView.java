package io.articlepipeline.ops.health;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ops/health}.
 *
 * @param status UP when every component is UP, DOWN otherwise
 * @param checkedAt when the checks ran
 * @param components one probe per service and per piece of infrastructure
 */
public record HealthView(String status, Instant checkedAt, List<Probe> components) {

  /** Summarises the probes: UP only if all are UP. */
  public static HealthView of(Instant at, List<Probe> probes) {
    boolean allUp = probes.stream().allMatch(Probe::up);
    return new HealthView(allUp ? Probe.UP : Probe.DOWN, at, probes);
  }
}
