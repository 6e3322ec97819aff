package io.articlepipeline.ops.health;

import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.ops.http.JsonHttp.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import tools.jackson.databind.JsonNode;

/**
 * Checks the services' {@code /actuator/health}, Kafka (describe cluster), the registry
 * ({@code GET /subjects}) and Elasticsearch ({@code GET /_cluster/health}; yellow counts as up on
 * a single node). Each check catches its own failure and reports it as DOWN with the reason.
 */
public class HealthProbes {

  private final Admin admin;
  private final Function<URI, Answer> get;
  private final Duration timeout;
  private final String bootstrapServers;
  private final URI registry;
  private final URI elasticsearch;

  public HealthProbes(Admin admin, Function<URI, Answer> get, Duration timeout,
      String bootstrapServers, URI registry, URI elasticsearch) {
    this.admin = admin;
    this.get = get;
    this.timeout = timeout;
    this.bootstrapServers = bootstrapServers;
    this.registry = registry;
    this.elasticsearch = elasticsearch;
  }

  /** A service's own health endpoint. */
  public Probe service(String name, URI base) {
    URI uri = JsonHttp.resolve(base, "/actuator/health");
    return timed(name, "service", uri.toString(), () -> {
      Answer answer = get.apply(uri);
      String status = answer.body().path("status").asString(answer.ok() ? Probe.UP : Probe.DOWN);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("httpStatus", answer.status());
      JsonNode components = answer.body().path("components");
      for (var entry : components.properties()) {
        details.put(entry.getKey(), entry.getValue().path("status").asString("UNKNOWN"));
      }
      return new Outcome(status, details);
    });
  }

  /** Kafka: the cluster answers and has at least one broker. */
  public Probe kafka() {
    return timed("kafka", "infrastructure", bootstrapServers, () -> {
      DescribeClusterResult cluster = admin.describeCluster();
      String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<Node> nodes = List.copyOf(cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("clusterId", clusterId);
      details.put("brokers", nodes.size());
      return new Outcome(nodes.isEmpty() ? Probe.DOWN : Probe.UP, details);
    });
  }

  /** The schema registry: {@code GET /subjects} answers. */
  public Probe registry() {
    URI uri = JsonHttp.resolve(registry, "/subjects");
    return timed("registry", "infrastructure", registry.toString(), () -> {
      Answer answer = get.apply(uri);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("httpStatus", answer.status());
      if (answer.ok()) {
        details.put("subjects", answer.body().size());
      }
      return new Outcome(answer.ok() ? Probe.UP : Probe.DOWN, details);
    });
  }

  /** Elasticsearch: cluster health green or yellow. */
  public Probe elasticsearch() {
    URI uri = JsonHttp.resolve(elasticsearch, "/_cluster/health");
    return timed("elasticsearch", "infrastructure", elasticsearch.toString(), () -> {
      Answer answer = get.apply(uri);
      String color = answer.body().path("status").asString("unknown");
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("httpStatus", answer.status());
      details.put("cluster", color);
      boolean up = answer.ok() && ("green".equals(color) || "yellow".equals(color));
      return new Outcome(up ? Probe.UP : Probe.DOWN, details);
    });
  }

  private record Outcome(String status, Map<String, Object> details) {
  }

  private interface Check {
    Outcome run() throws Exception;
  }

  private static Probe timed(String name, String kind, String url, Check check) {
    long start = System.nanoTime();
    Outcome outcome;
    try {
      outcome = check.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new Outcome(Probe.DOWN, Map.of("error", "interrupted"));
    } catch (ExecutionException e) {
      outcome = new Outcome(Probe.DOWN, Map.of("error", String.valueOf(e.getCause())));
    } catch (TimeoutException e) {
      outcome = new Outcome(Probe.DOWN, Map.of("error", "no answer in time"));
    } catch (Exception e) {
      outcome = new Outcome(Probe.DOWN, Map.of("error", e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()));
    }
    return new Probe(name, kind, url, outcome.status(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), outcome.details());
  }
}
