package io.articlepipeline.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every ~500 ms each service's RSS (/proc, with its descendants), and every ~2 s its heap
 * used (the services' {@code jvm_memory_used_bytes{area="heap"}} from /actuator/prometheus,
 * Elasticsearch's from its node stats), and keeps each one's peak with the phase it happened in.
 * A scrape evaluates every meter of a service, histograms included, whatever family it asks for,
 * so scraping every 500 ms would take a measurable share of the index service's CPU from the
 * stage being measured. A stopped process keeps its RSS but answers no HTTP: its heap is not
 * sampled while stopped.
 */
final class ResourceSampler implements AutoCloseable {

  /** The peaks of one process. */
  static final class Peak {
    long rss = -1;
    String rssPhase = "-";
    long heap = -1;
    String heapPhase = "-";
    int samples;
  }

  private static final Duration HTTP_TIMEOUT = Duration.ofMillis(1500);
  /** The services' metrics need the ops token ({@code ./pipeline bench} exports it). */
  private static final String OPS_TOKEN = System.getenv("OPS_TOKEN");

  private final BenchSettings settings;
  private final HttpClient http;
  private final Elastic elastic;
  private final Map<String, Peak> peaks = new LinkedHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "resource-sampler");
    t.setDaemon(true);
    return t;
  });
  private volatile String phase = "start";
  /** Heap is sampled with every {@value #HEAP_EVERY}th RSS sample. */
  private static final int HEAP_EVERY = 4;
  private int round;

  ResourceSampler(BenchSettings settings, HttpClient http, Elastic elastic) {
    this.settings = settings;
    this.http = http;
    this.elastic = elastic;
    for (String s : BenchSettings.SERVICES) {
      peaks.put(s, new Peak());
    }
    for (String s : BenchSettings.STACK) {
      peaks.put(s, new Peak());
    }
  }

  void start() {
    timer.scheduleWithFixedDelay(this::sampleSafely, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** The phase peaks from now on are attributed to. */
  void phase(String name) {
    phase = name;
  }

  synchronized Map<String, Peak> peaks() {
    return peaks;
  }

  private void sampleSafely() {
    try {
      sample();
    } catch (RuntimeException e) {
      // one failed sample is a gap in the curve, not a reason to stop sampling
    }
  }

  private void sample() {
    String now = phase;
    boolean withHeap = round++ % HEAP_EVERY == 0;
    Map<String, CompletableFuture<Long>> heaps = new LinkedHashMap<>();
    for (String s : withHeap ? BenchSettings.SERVICES : new String[0]) {
      String url = settings.serviceUrl(s);
      boolean stopped = settings.pid(s).isPresent() && Processes.isStopped(settings.pid(s).getAsLong());
      if (url != null && !stopped) {
        HttpRequest.Builder metrics = HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus?includedNames=jvm_memory_used_bytes"))
            .timeout(HTTP_TIMEOUT).GET();
        if (OPS_TOKEN != null && !OPS_TOKEN.isBlank()) {
          metrics.header("Authorization", "Bearer " + OPS_TOKEN); // metrics need the ops token
        }
        heaps.put(s, http.sendAsync(metrics.build(), HttpResponse.BodyHandlers.ofString())
            .thenApply(r -> r.statusCode() == 200 ? heapUsed(r.body()) : -1L)
            .exceptionally(e -> -1L));
      }
    }
    long esHeap = withHeap ? elastic.heapUsed(HTTP_TIMEOUT) : -1;
    synchronized (this) {
      for (Map.Entry<String, Peak> e : peaks.entrySet()) {
        Peak p = e.getValue();
        long rss = settings.pid(e.getKey()).isPresent() ? Processes.treeRss(settings.pid(e.getKey()).getAsLong()) : -1;
        long heap = e.getKey().equals("elasticsearch") ? esHeap
            : heaps.containsKey(e.getKey()) ? heaps.get(e.getKey()).join() : -1;
        if (rss > p.rss) {
          p.rss = rss;
          p.rssPhase = now;
        }
        if (heap > p.heap) {
          p.heap = heap;
          p.heapPhase = now;
        }
        if (rss >= 0 || heap >= 0) {
          p.samples++;
        }
      }
    }
  }

  /** The sum of {@code jvm_memory_used_bytes} over the heap pools of a Prometheus text exposition. */
  static long heapUsed(String exposition) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        String[] parts = line.substring(line.lastIndexOf('}') + 1).strip().split("\\s+");
        sum += Double.parseDouble(parts[0]);
        found = true;
      }
    }
    return found ? (long) sum : -1;
  }

  /** Stops sampling; the peaks stay readable. Idempotent. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
