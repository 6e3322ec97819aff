package io.articlepipeline.e2e.chaos;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./pipeline chaos [ARTICLES]}: while submitters send at least ARTICLES articles (single
 * POSTs and batches, some resubmitted with a higher revision, some retracted; {@link ChaosClients}),
 * each part of the pipeline is killed with SIGKILL in turn and started again with
 * {@code ./pipeline up}: in one round the process serving its port (found with {@code ss}), in
 * another the pid its pid file records; once during {@code ./pipeline reindex} (index-service) and
 * once during {@code ./pipeline reprocess} (enrich-service). Afterwards, against what the clients
 * were told ({@link Ledger}): every accepted article searchable exactly once at its highest
 * accepted revision, every retracted one gone, none of them in a dead-letter topic, both stages'
 * lag 0. Prints lost, duplicated, stale, not retracted and dead-lettered (all must be 0) and each
 * round's recovery times; exits 1 if any count is not 0 or a round did not recover.
 *
 * <p>Environment (set by ./pipeline): PIPELINE_ROOT, PIPELINE_DIR, INGEST_URL, INDEX_URL, OPS_URL,
 * ELASTICSEARCH_URL, KAFKA_BOOTSTRAP_SERVERS, SUBMIT_TOKEN, OPS_TOKEN, the *_PORT variables;
 * CHAOS_ROUNDS (comma-separated {@code part:port|pidfile}, {@code reindex}, {@code reprocess};
 * default all), CHAOS_RATE (new articles/s, default 8), CHAOS_CLIENTS (6), CHAOS_DOWN_SECONDS (5,
 * how long a part stays dead before the restart).
 */
public final class ChaosRun {

  static final List<String> PARTS = List.of("ingest", "enrich", "index", "kafka", "registry", "elasticsearch", "ops");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(5);

  /** One round's figures. */
  record Round(String name, String detail, double healthySeconds, double progressSeconds, boolean upOk) {
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Path root = Path.of(env("PIPELINE_ROOT", "."));
  private final Path state = Path.of(env("PIPELINE_DIR", root.resolve(".pipeline").toString()));
  private final Ledger ledger = new Ledger();
  private final List<Round> rounds = new ArrayList<>();
  private Probe probe;
  private ChaosClients clients;

  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    System.exit(new ChaosRun().run(articles));
  }

  int run(int articles) throws Exception {
    String run = new Random().ints(6, 'a', 'z' + 1)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    String prefix = "chaos-" + run + "-";
    List<String> roundSpecs = roundSpecs(env("CHAOS_ROUNDS", ""));
    double rate = Double.parseDouble(env("CHAOS_RATE", "8"));
    long started = System.nanoTime();
    System.out.printf("chaos run %s: at least %d articles at %.0f/s from %s clients; rounds: %s%n", run, articles,
        rate, env("CHAOS_CLIENTS", "6"), String.join(" ", roundSpecs));
    probe = new Probe(http, env("ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
        env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    clients = new ChaosClients(http, env("INGEST_URL", "http://127.0.0.1:8080"), env("SUBMIT_TOKEN", ""), prefix,
        "chaos" + run, ledger, Integer.parseInt(env("CHAOS_CLIENTS", "6")), rate);
    try {
      clients.start();
      Thread.sleep(10_000); // traffic flowing before the first kill
      for (String spec : roundSpecs) {
        switch (spec) {
          case "reindex" -> duringReindex();
          case "reprocess" -> duringReprocess();
          default -> {
            String[] p = spec.split(":");
            killRound(p[0], p.length > 1 ? p[1] : "port");
          }
        }
      }
      if (clients.freshArticles() < articles) {
        System.out.printf("kills done at %d articles; sending the rest (%d) at 100/s%n", clients.freshArticles(),
            articles - clients.freshArticles());
        clients.rate(100);
        while (clients.freshArticles() < articles) {
          Thread.sleep(200);
        }
      }
      clients.stopFresh();
      if (!clients.awaitIdle(Duration.ofMinutes(20))) {
        System.out.println("clients still busy after 20 min");
      }
      return verify(prefix, started);
    } finally {
      clients.close();
      probe.close();
    }
  }

  static List<String> roundSpecs(String spec) {
    if (!spec.isBlank()) {
      return List.of(spec.trim().split("\\s*,\\s*"));
    }
    List<String> all = new ArrayList<>();
    for (String mode : List.of("port", "pidfile")) {
      PARTS.forEach(p -> all.add(p + ":" + mode));
    }
    all.add("reindex");
    all.add("reprocess");
    return all;
  }

  // ------------------------------------------------------------------ rounds

  private void killRound(String part, String mode) throws Exception {
    if (!PARTS.contains(part) || !List.of("port", "pidfile").contains(mode)) {
      throw new IllegalArgumentException("unknown round " + part + ":" + mode + " (parts " + PARTS + ", port|pidfile)");
    }
    long pid = mode.equals("port") ? portPid(port(part)) : pidFilePid(part);
    if (!ours(pid)) {
      System.out.printf("round %s:%s: no process of this pipeline found (%s); skipped%n", part, mode,
          mode.equals("port") ? "port " + port(part) + ": pid " + pid : pidFile(part) + ": pid " + pid);
      rounds.add(new Round(part + ":" + mode, "no process found", -1, -1, false));
      return;
    }
    String detail = "pid " + pid + (mode.equals("port") ? " serving :" + port(part) : " from " + state.relativize(pidFile(part)));
    System.out.printf("round %s:%s: kill -9 %s at %d articles%n", part, mode, detail, clients.freshArticles());
    kill(pid);
    Thread.sleep(1000L * Integer.parseInt(env("CHAOS_DOWN_SECONDS", "5")));
    restart(part + ":" + mode, detail);
  }

  /** {@code ./pipeline up}, then waits until an article accepted after the restart began is searchable. */
  private Round restart(String name, String detail) throws Exception {
    long t0 = System.nanoTime();
    int rc = pipeline("up");
    double healthy = (System.nanoTime() - t0) / 1e9;
    double progress = awaitProgress(t0);
    Round r = new Round(name, detail, healthy, progress, rc == 0);
    rounds.add(r);
    System.out.printf("  up %s in %.1f s; progress (an article accepted after the restart searchable) after %s%n",
        rc == 0 ? "healthy" : "FAILED (rc " + rc + ")", healthy, progress < 0 ? "NEVER" : String.format("%.1f s", progress));
    return r;
  }

  /**
   * Seconds from {@code t0} until an article accepted after it is searchable at its revision: one
   * candidate is followed until it is (the newest acceptance is taken again when the candidate is
   * retracted or revised meanwhile). Asking each time for the very latest acceptance would, at
   * hundreds of articles a second, ask for one accepted a few milliseconds before: never yet
   * searchable, whatever the pipeline's freshness.
   */
  private double awaitProgress(long t0) throws InterruptedException {
    long deadline = t0 + PROGRESS_TIMEOUT.toNanos();
    Ledger.Accepted candidate = null;
    while (System.nanoTime() < deadline) {
      if (candidate == null) {
        Ledger.Accepted a = ledger.latest();
        candidate = a != null && a.nanos() > t0 ? a : null;
      }
      if (candidate != null) {
        Ledger.Entry e = ledger.entry(candidate.id());
        if (e.retracted || e.revision != candidate.revision()) {
          candidate = null;
        } else if (probe.searchableAt(candidate.id(), candidate.revision())) {
          return (System.nanoTime() - t0) / 1e9;
        }
      }
      Thread.sleep(250);
    }
    return -1;
  }

  private void duringReindex() throws Exception {
    System.out.printf("round reindex: ./pipeline reindex, index-service killed while it replays, at %d articles%n",
        clients.freshArticles());
    Process reindex = background("reindex");
    String phase = awaitJson(env("INDEX_URL", "http://127.0.0.1:8083") + "/api/admin/reindex",
        n -> n.path("recordsRead").asLong() > 0 || "DONE".equals(n.path("phase").asString()), "phase");
    long pid = pidFilePid("index");
    System.out.printf("  reindex phase %s; kill -9 index-service pid %d%n", phase, pid);
    kill(pid);
    Thread.sleep(1000L * Integer.parseInt(env("CHAOS_DOWN_SECONDS", "5")));
    Round r = restart("reindex", "index-service pid " + pid + " killed in phase " + phase);
    // by now index-service is back: the command has seen it idle (exit 1, "reindex interrupted")
    // or following a rebuild it resumed (exit 0); one still waiting would never end by itself
    int interrupted = exitOf(reindex, 2);
    System.out.printf("  the interrupted ./pipeline reindex exited %s%n",
        interrupted < 0 ? "NEVER (stopped after 2 more minutes)" : Integer.toString(interrupted));
    long t = System.nanoTime();
    int rc = pipeline("reindex");
    System.out.printf("  ./pipeline reindex again: exit %d after %.1f s%n", rc, (System.nanoTime() - t) / 1e9);
    if (rc != 0 || interrupted < 0) {
      rounds.set(rounds.indexOf(r), new Round(r.name(), r.detail()
          + (interrupted < 0 ? "; the interrupted reindex command never ended" : "")
          + (rc != 0 ? "; reindex again FAILED" : ""), r.healthySeconds(), r.progressSeconds(), false));
    }
  }

  private void duringReprocess() throws Exception {
    System.out.printf("round reprocess: ./pipeline reprocess, enrich-service killed while it reprocesses, at %d articles%n",
        clients.freshArticles());
    // an earlier reprocess's status (done) stays until this one is planned: only a later start counts
    java.time.Instant asked = java.time.Instant.now().minusSeconds(1);
    Process reprocess = background("reprocess");
    // enrich-service scans articles.submitted, then enriches the articles again beside its live
    // stage: wait until it does, then give it a few seconds of it
    String phase = awaitJson(env("OPS_URL", "http://127.0.0.1:8084") + "/api/ops/reprocess",
        n -> n.path("startedAt").isString() && java.time.Instant.parse(n.path("startedAt").asString()).isAfter(asked)
            && List.of("reprocessing", "done", "failed").contains(n.path("phase").asString()), "phase");
    Thread.sleep(2000);
    String progress = awaitJson(env("OPS_URL", "http://127.0.0.1:8084") + "/api/ops/reprocess", n -> true,
        "reprocessed");
    long pid = portPid(port("enrich"));
    if (!List.of("reprocessing", "done").contains(phase) || !ours(pid)) {
      System.out.printf("  reprocess phase %s, enrich-service pid %d; round skipped%n", phase, pid);
      rounds.add(new Round("reprocess", "reprocess in phase " + phase + ", no enrich-service to kill", -1, -1, false));
      exitOf(reprocess);
      return;
    }
    System.out.printf("  phase %s, %s records reprocessed; kill -9 enrich-service pid %d%n", phase, progress, pid);
    kill(pid);
    Thread.sleep(1000L * Integer.parseInt(env("CHAOS_DOWN_SECONDS", "5")));
    // the restarted enrich-service goes on with the reprocess from its last commit (its plan is in
    // the reprocess's group), and its live stage from the live group's
    Round r = restart("reprocess", "enrich-service pid " + pid + " killed in phase " + phase + " after "
        + progress + " reprocessed");
    // the command only polls the ops console: it outlives the kill and ends once the reprocess is done
    int rc = exitOf(reprocess);
    System.out.printf("  ./pipeline reprocess exited %d%n", rc);
    if (rc != 0) {
      rounds.set(rounds.indexOf(r), new Round(r.name(), r.detail() + "; ./pipeline reprocess FAILED", r.healthySeconds(),
          r.progressSeconds(), false));
    }
  }

  /** Polls an ops-token GET until {@code done}; returns the field's value then (or at the 2 min timeout). */
  private String awaitJson(String url, java.util.function.Predicate<JsonNode> done, String field) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    JsonNode last = JSON.createObjectNode();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + env("OPS_TOKEN", "")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          last = JSON.readTree(r.body());
          if (done.test(last)) {
            break;
          }
        }
      } catch (IOException | JacksonException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    return last.path(field).asString("?");
  }

  // ------------------------------------------------------------------ verification

  private int verify(String prefix, long started) throws Exception {
    System.out.println("all rounds done; waiting for the pipeline to settle (lag 0, the searchable state stable)");
    long deadline = System.nanoTime() + Duration.ofMinutes(Long.parseLong(env("CHAOS_SETTLE_MINUTES", "10"))).toNanos();
    Counts counts = null;
    long lag = -1;
    while (System.nanoTime() < deadline) {
      lag = probe.pipelineLag();
      try {
        counts = count(ledger, probe.searchable(prefix));
      } catch (IOException e) {
        counts = null;
      }
      if (lag == 0 && counts != null && counts.wrong() == 0) {
        break;
      }
      Thread.sleep(3000);
    }
    if (counts == null) {
      counts = count(ledger, probe.searchable(prefix));
    }
    Map<String, Integer> dead = probe.deadLetters(prefix);
    int deadLettered = dead.values().stream().mapToInt(Integer::intValue).sum();
    long accepted = ledger.entries().values().stream().filter(e -> e.revision > 0).count();
    long retracted = ledger.entries().values().stream().filter(e -> e.retracted).count();
    long revised = ledger.entries().values().stream().filter(e -> e.revision > 1).count();

    System.out.println();
    System.out.printf("chaos run summary (%.0f s)%n", (System.nanoTime() - started) / 1e9);
    System.out.printf("  articles: %d new, %d accepted, %d at a higher revision, %d retracted; %d single POSTs, %d batch requests%n",
        clients.freshArticles(), accepted, revised, retracted, clients.singlePosts.get(), clients.batches.get());
    System.out.printf("  clients: %d waits after 503/unavailable, %d unknown outcomes resent, %d refused, %d unresolved%n",
        clients.retried503.get(), clients.unknownOutcomes.get(), clients.refused.get(), counts.unresolved);
    System.out.printf("  %-28s %10s %12s%n", "round (kill -9, then up)", "healthy", "progress");
    int failedRounds = 0;
    for (Round r : rounds) {
      boolean ok = r.upOk() && r.progressSeconds() >= 0;
      failedRounds += ok ? 0 : 1;
      System.out.printf("  %-28s %9s %12s   %s%n", r.name(), r.healthySeconds() < 0 ? "-" : String.format("%.1f s", r.healthySeconds()),
          r.progressSeconds() < 0 ? "NEVER" : String.format("%.1f s", r.progressSeconds()), r.detail());
    }
    System.out.printf("  lost %d, duplicated %d, stale %d, not retracted %d, dead-lettered %d %s, lag %d%n",
        counts.lost, counts.duplicated, counts.stale, counts.notRetracted, deadLettered, dead, lag);
    counts.examples.forEach(x -> System.out.println("    e.g. " + x));
    boolean ok = counts.wrong() == 0 && deadLettered == 0 && lag == 0 && failedRounds == 0
        && counts.unresolved == 0 && clients.refused.get() == 0;
    System.out.println(ok ? "chaos: PASSED" : "chaos: FAILED" + (failedRounds > 0 ? " (" + failedRounds + " rounds did not recover)" : ""));
    return ok ? 0 : 1;
  }

  static final class Counts {
    int lost;
    int duplicated;
    int stale;
    int notRetracted;
    int unresolved;
    final List<String> examples = new ArrayList<>();

    int wrong() {
      return lost + duplicated + stale + notRetracted;
    }

    void example(String s) {
      if (examples.size() < 10) {
        examples.add(s);
      }
    }
  }

  /** What is wrong in {@code found} (id -> the revision of each searchable hit) against what the clients were told. */
  static Counts count(Ledger ledger, Map<String, List<Long>> found) {
    Counts c = new Counts();
    for (var e : ledger.entries().entrySet()) {
      Ledger.Entry entry = e.getValue();
      List<Long> hits = found.getOrDefault(e.getKey(), List.of());
      if (entry.unresolved) {
        c.unresolved++;
        continue;
      }
      if (entry.revision == 0) {
        continue;
      }
      if (entry.retracted) {
        if (!hits.isEmpty()) {
          c.notRetracted++;
          c.example(e.getKey() + ": retracted, still searchable at " + hits);
        }
      } else if (hits.isEmpty()) {
        c.lost++;
        c.example(e.getKey() + ": accepted at revision " + entry.revision + ", not searchable");
      } else {
        if (hits.size() > 1) {
          c.duplicated++;
          c.example(e.getKey() + ": searchable " + hits.size() + " times " + hits);
        }
        if (hits.stream().anyMatch(r -> r != entry.revision)) {
          c.stale++;
          c.example(e.getKey() + ": accepted at revision " + entry.revision + ", searchable at " + hits);
        }
      }
    }
    return c;
  }

  // ------------------------------------------------------------------ processes

  private int port(String part) {
    return switch (part) {
      case "ingest" -> Integer.parseInt(env("INGEST_PORT", "8080"));
      case "enrich" -> Integer.parseInt(env("ENRICH_PORT", "8082"));
      case "index" -> Integer.parseInt(env("INDEX_PORT", "8083"));
      case "ops" -> Integer.parseInt(env("OPS_PORT", "8084"));
      case "kafka" -> Integer.parseInt(env("KAFKA_PORT", "9092"));
      case "registry" -> Integer.parseInt(env("REGISTRY_PORT", "8081"));
      case "elasticsearch" -> Integer.parseInt(env("ES_PORT", "9200"));
      default -> throw new IllegalArgumentException(part);
    };
  }

  private Path pidFile(String part) {
    return switch (part) {
      case "kafka", "registry", "elasticsearch" -> state.resolve(part).resolve(part + ".pid");
      default -> state.resolve("services").resolve(part + ".pid");
    };
  }

  private long pidFilePid(String part) throws IOException {
    Path f = pidFile(part);
    if (!Files.exists(f)) {
      return -1;
    }
    String s = Files.readString(f).replaceAll("[^0-9]", "");
    return s.isEmpty() ? -1 : Long.parseLong(s);
  }

  /** The pid listening on the TCP port ({@code ss -Hltnp}), or -1. */
  static long portPid(int port) throws IOException, InterruptedException {
    Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ss.waitFor();
    Matcher m = Pattern.compile("pid=(\\d+)").matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * SIGKILL to one process of this pipeline: refused unless {@code pid} is a single process
   * (above 1: {@code kill -9 -1} would signal every process of the user) whose command line or
   * environment names this state dir (or Elasticsearch's home outside it, elasticsearch/LOCATION),
   * so nothing outside this stack can be hit.
   */
  private void kill(long pid) throws IOException, InterruptedException {
    if (!ours(pid)) {
      throw new IllegalStateException("refusing to kill pid " + pid + ": not a process of the pipeline in " + state);
    }
    new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
  }

  boolean ours(long pid) {
    if (pid <= 1) {
      return false;
    }
    List<String> dirs = new ArrayList<>(List.of(state.toAbsolutePath().normalize() + "/"));
    try {
      // Elasticsearch's home when its user cannot reach the state dir (local-stack/bin/stack es_home)
      dirs.add(Files.readString(state.resolve("elasticsearch").resolve("LOCATION")).trim() + "/");
    } catch (IOException e) {
      // the home is inside the state dir
    }
    for (String f : List.of("cmdline", "environ")) {
      try {
        String text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), f)), StandardCharsets.UTF_8);
        if (dirs.stream().anyMatch(text::contains)) {
          return true;
        }
      } catch (IOException e) {
        // gone, or not readable: not ours to kill
      }
    }
    return false;
  }

  /** The exit code of a background command, waiting up to 10 minutes (then it is stopped: -1). */
  private static int exitOf(Process p) throws InterruptedException {
    return exitOf(p, 10);
  }

  /** The exit code, or -1 when the process did not end within {@code minutes} (it is stopped). */
  private static int exitOf(Process p, int minutes) throws InterruptedException {
    if (p.waitFor(minutes, java.util.concurrent.TimeUnit.MINUTES)) {
      return p.exitValue();
    }
    p.destroy();
    return -1;
  }

  private int pipeline(String command) throws IOException, InterruptedException {
    return background(command).waitFor();
  }

  /** {@code ./pipeline COMMAND} with this environment, its output appended to logs/chaos-pipeline.log. */
  private Process background(String command) throws IOException {
    File log = state.resolve("logs").resolve("chaos-pipeline.log").toFile();
    log.getParentFile().mkdirs();
    Files.writeString(log.toPath(), "===== ./pipeline " + command + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    return new ProcessBuilder(root.resolve("pipeline").toString(), command).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
