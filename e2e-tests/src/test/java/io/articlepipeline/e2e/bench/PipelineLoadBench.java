package io.articlepipeline.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.schemas.serde.AvroSerdeConfig;
import io.articlepipeline.schemas.serde.AvroSerializer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load driver for the whole running pipeline (./pipeline bench). Sends N real articles (the pages
 * of EVAL_DIR/articles-dev.jsonl, when given, and the sample, each copy made unique) through the ingest API with C
 * concurrent submitters, and, as the baseline in the same run, the same records straight to a
 * Kafka topic with a plain producer (acks=all, one synchronous send per record, C threads: what
 * ingest does after validating). Then waits until every article is searchable and reads each
 * one's submittedAt and indexedAt for the end-to-end latency. With PAUSE_PIDS (the enrich and
 * index processes, which ./pipeline bench passes for its own local services) the articles are
 * submitted once more with those stopped: ingest's rate without the CPU they take on this machine.
 *
 * <p>Args: [articles=400] [concurrency=8]. Env: INGEST_URL, INDEX_URL, SUBMIT_TOKEN,
 * KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, EVAL_DIR, SAMPLES_DIR, PAUSE_PIDS (optional).
 */
public final class PipelineLoadBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PipelineLoadBench() {
  }

  record Article(String title, String body, String language) {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String ingest = env("INGEST_URL");
    String index = env("INDEX_URL");
    String token = env("SUBMIT_TOKEN");
    List<Article> corpus = corpus();
    // Letters only, so the segmenter keeps the marker one token and a search finds exactly this run.
    String run = "bench" + new Random().ints(10, 'a', 'z' + 1).collect(StringBuilder::new,
        StringBuilder::appendCodePoint, StringBuilder::append);
    List<Article> articles = new ArrayList<>(n);
    long chars = 0;
    for (int i = 0; i < n; i++) {
      Article a = corpus.get(i % corpus.size());
      Article copy = new Article(a.title(), a.body() + "\n" + run + " " + i, a.language());
      articles.add(copy);
      chars += copy.body().length();
    }
    System.out.printf("pipeline load: %d articles (%d KB of text), %d concurrent submitters, run %s%n",
        n, chars * 2 / 1024, concurrency, run);

    double baseline = baselineProduce(articles, concurrency, run);
    System.out.printf("  baseline  plain Kafka producer, acks=all, sync per record : %8.1f records/s%n", baseline);

    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    AtomicInteger refused = new AtomicInteger();
    long started = System.nanoTime();
    submit(ingest, token, articles, concurrency, ids, refused);
    double submitSeconds = (System.nanoTime() - started) / 1e9;
    double ingestRate = n / submitSeconds;
    System.out.printf("  ingest    POST /api/articles (validate, Avro, acks=all)  : %8.1f records/s  (%.2fx baseline), %d refused%n",
        ingestRate, ingestRate / baseline, refused.get());

    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    long found = 0;
    while (System.nanoTime() < deadline) {
      found = searchTotal(index, run);
      if (found >= ids.size()) {
        break;
      }
      Thread.sleep(250);
    }
    double drainSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("  pipeline  submitted -> searchable, all %d of %d          : %8.1f s, %.1f articles/s end to end%n",
        found, ids.size(), drainSeconds, found / drainSeconds);

    List<Long> latencies = new ArrayList<>();
    for (String id : ids) {
      JsonNode doc = get(index + "/api/articles/" + id);
      if (doc.hasNonNull("submittedAt") && doc.hasNonNull("indexedAt")) {
        latencies.add(Duration.between(Instant.parse(doc.get("submittedAt").asText()),
            Instant.parse(doc.get("indexedAt").asText())).toMillis());
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length > 0) {
      System.out.printf("  latency   submittedAt -> indexedAt (ms)                  : p50 %d  p95 %d  p99 %d  max %d  (n=%d)%n",
          pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }
    List<String> toRetract = new ArrayList<>(ids);
    String paused = System.getenv("PAUSE_PIDS");
    if (paused != null && !paused.isBlank()) {
      // On one small machine enrich, index and Elasticsearch take the CPU that ingest needs while
      // the articles flow through: submit the same articles once more with both stages stopped,
      // which is ingest's own capacity (it runs on its own hosts in a deployment).
      List<Article> again = new ArrayList<>(n);
      for (Article a : articles) {
        again.add(new Article(a.title(), a.body() + " " + run + "solo", a.language()));
      }
      ConcurrentLinkedQueue<String> soloIds = new ConcurrentLinkedQueue<>();
      AtomicInteger soloRefused = new AtomicInteger();
      double soloSeconds = withStopped(paused.trim().split("\\s+"), () -> {
        long t0 = System.nanoTime();
        submit(ingest, token, again, concurrency, soloIds, soloRefused);
        return (System.nanoTime() - t0) / 1e9;
      });
      System.out.printf("  ingest    the same, enrich and index stopped (SIGSTOP)   : %8.1f records/s  (%.2fx baseline), %d refused%n",
          n / soloSeconds, n / soloSeconds / baseline, soloRefused.get());
      toRetract.addAll(soloIds);
    }
    // The benchmark's articles are retracted again, so readers never see them.
    AtomicInteger retracted = new AtomicInteger();
    runParallel(toRetract, concurrency, id -> {
      HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/articles/"
          + URLEncoder.encode(id, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token)
          .DELETE().build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 202) {
        retracted.incrementAndGet();
      }
    });
    System.out.printf("  cleanup   %d of %d benchmark articles retracted%n", retracted.get(), toRetract.size());
  }

  private static void submit(String ingest, String token, List<Article> articles, int concurrency,
      ConcurrentLinkedQueue<String> ids, AtomicInteger refused) throws Exception {
    runParallel(articles, concurrency, a -> {
      ObjectNode body = JSON.createObjectNode().put("title", a.title()).put("body", a.body());
      if (a.language() != null) {
        body.put("language", a.language());
      }
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/articles"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 202) {
        ids.add(JSON.readTree(response.body()).path("id").asText());
      } else {
        refused.incrementAndGet();
      }
    });
  }

  /** Runs {@code work} with the given processes stopped; they continue afterwards, whatever happens. */
  private static double withStopped(String[] pids, java.util.concurrent.Callable<Double> work) throws Exception {
    Thread resume = new Thread(() -> signal("-CONT", pids));
    Runtime.getRuntime().addShutdownHook(resume);
    try {
      signal("-STOP", pids);
      return work.call();
    } finally {
      signal("-CONT", pids);
      Runtime.getRuntime().removeShutdownHook(resume);
    }
  }

  private static void signal(String signal, String[] pids) {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    command.addAll(Arrays.asList(pids));
    try {
      new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (Exception e) {
      throw new IllegalStateException("kill " + signal + " failed: " + e.getMessage(), e);
    }
  }

  private static double baselineProduce(List<Article> articles, int concurrency, String run) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA_BOOTSTRAP_SERVERS"));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, env("SCHEMA_REGISTRY_URL")), false);
    String topic = "bench.baseline";
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
      AtomicInteger seq = new AtomicInteger();
      producer.send(new ProducerRecord<>(topic, "warm-up", record(articles.get(0), run + "-w"))).get();
      long started = System.nanoTime();
      runParallel(articles, concurrency, a -> {
        String id = run + "-" + seq.incrementAndGet();
        producer.send(new ProducerRecord<>(topic, id, record(a, id))).get();
      });
      return articles.size() / ((System.nanoTime() - started) / 1e9);
    }
  }

  private static ArticleSubmitted record(Article a, String id) {
    return ArticleSubmitted.newBuilder().setId(id).setRevision(1).setTitle(a.title()).setBody(a.body())
        .setLanguage(a.language()).setSubmittedAt(Instant.now()).build();
  }

  interface Task<T> {
    void run(T item) throws Exception;
  }

  private static <T> void runParallel(List<T> items, int threads, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
            task.run(items.get(i));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long searchTotal(String index, String run) throws Exception {
    return get(index + "/api/search?size=1&q=" + URLEncoder.encode(run, StandardCharsets.UTF_8)).path("total").asLong();
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
  }

  private static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static List<Article> corpus() throws Exception {
    List<Article> corpus = new ArrayList<>();
    // the development pages are not in the repository: without them the copies are of the sample alone
    String evalDir = System.getenv("EVAL_DIR");
    List<String> lines = List.of();
    if (evalDir == null || evalDir.isBlank()) {
      System.out.println("corpus: copies of the sample page (for the 40 development pages as well, set EVAL_DIR"
          + " to a directory holding articles-dev.jsonl)");
    } else if (Files.isRegularFile(Path.of(evalDir, "articles-dev.jsonl"))) {
      lines = Files.readAllLines(Path.of(evalDir, "articles-dev.jsonl"), StandardCharsets.UTF_8);
    } else {
      // stdout: ./pipeline bench keeps only this program's standard output
      System.out.println("EVAL_DIR=" + evalDir + " holds no articles-dev.jsonl: set EVAL_DIR to the directory"
          + " of that file, or unset it to load copies of the sample page only");
      System.exit(2);
    }
    for (String line : lines) {
      JsonNode a = JSON.readTree(line);
      String text = a.path("text").asText();
      String title = a.hasNonNull("title") ? a.get("title").asText() : text.lines().filter(l -> !l.isBlank())
          .findFirst().map(l -> l.length() > 60 ? l.substring(0, 60) : l).orElse("untitled");
      corpus.add(new Article(title, text, a.path("lang").asText(null)));
    }
    Path sample = Path.of(System.getenv().getOrDefault("SAMPLES_DIR", "samples"))
        .resolve("000_7abadb2f983fa813.txt");
    String page = Files.readString(sample);
    corpus.add(new Article(Arrays.stream(page.split("\n")).filter(l -> !l.isBlank()).skip(1).findFirst().orElse("sample"),
        page, "zh"));
    return corpus;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set; run through ./pipeline bench");
    }
    return value;
  }
}
