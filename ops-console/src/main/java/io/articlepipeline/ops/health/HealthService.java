package io.articlepipeline.ops.health;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** Runs every probe in parallel, so one slow component does not delay the others' answers. */
public class HealthService {

  private final HealthProbes probes;
  private final Map<String, URI> services;
  private final ExecutorService executor;
  private final Clock clock;

  public HealthService(HealthProbes probes, Map<String, URI> services, ExecutorService executor,
      Clock clock) {
    this.probes = probes;
    this.services = Map.copyOf(services);
    this.executor = executor;
    this.clock = clock;
  }

  public HealthView check() {
    List<Supplier<Probe>> checks = new ArrayList<>();
    services.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> checks.add(() -> probes.service(e.getKey(), e.getValue())));
    checks.add(probes::kafka);
    checks.add(probes::registry);
    checks.add(probes::elasticsearch);
    List<CompletableFuture<Probe>> running = checks.stream()
        .map(c -> CompletableFuture.supplyAsync(c, executor))
        .toList();
    return HealthView.of(clock.instant(), running.stream().map(CompletableFuture::join).toList());
  }
}
