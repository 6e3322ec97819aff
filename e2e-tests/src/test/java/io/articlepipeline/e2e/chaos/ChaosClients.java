package io.articlepipeline.e2e.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitters that behave as the API tells them, while parts of the pipeline are killed: new
 * articles as single POSTs and batches, some resubmitted with a higher revision, some retracted.
 * A 503 (or a batch line {@code unavailable}) is sent again after its Retry-After; a lost
 * connection, a timeout or another 5xx leaves the outcome unknown, so the same id and revision are
 * sent again until an answer says what happened. Every answer goes into the {@link Ledger}.
 */
final class ChaosClients implements AutoCloseable {

  /** One operation on articles; the next operation on an article is queued only after this one is answered. */
  private sealed interface Task permits Submit, Retract {
  }

  private record Item(String id, long revision) {
  }

  private record Submit(List<Item> items, boolean batch) implements Task {
  }

  private record Retract(String id) implements Task {
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration GIVE_UP = Duration.ofMinutes(15);

  private final HttpClient http;
  private final String ingest;
  private final String token;
  private final String prefix;
  private final String marker;
  private final Ledger ledger;
  private final Random random = new Random();
  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final ExecutorService workers;
  private final Thread generator;
  private final int clients;
  /** Operations queued or running; a follow-up is queued before its parent counts as done. */
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicBoolean stopFresh = new AtomicBoolean();
  private final AtomicInteger fresh = new AtomicInteger();
  private volatile double ratePerSecond;

  final AtomicLong singlePosts = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong resubmissions = new AtomicLong();
  final AtomicLong retractions = new AtomicLong();
  final AtomicLong retried503 = new AtomicLong();
  final AtomicLong unknownOutcomes = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong unresolved = new AtomicLong();

  ChaosClients(HttpClient http, String ingest, String token, String prefix, String marker, Ledger ledger,
      int clients, double ratePerSecond) {
    this.http = http;
    this.ingest = ingest;
    this.token = token;
    this.prefix = prefix;
    this.marker = marker;
    this.ledger = ledger;
    this.clients = clients;
    this.ratePerSecond = ratePerSecond;
    this.workers = Executors.newFixedThreadPool(clients);
    this.generator = new Thread(this::generate, "chaos-generator");
    this.generator.setDaemon(true);
  }

  void start() {
    for (int i = 0; i < clients; i++) {
      workers.submit(this::work);
    }
    generator.start();
  }

  int freshArticles() {
    return fresh.get();
  }

  void rate(double perSecond) {
    this.ratePerSecond = perSecond;
  }

  /** No new articles from now on; follow-ups of accepted ones still run. */
  void stopFresh() {
    stopFresh.set(true);
  }

  /** Waits until every queued operation was answered for good (or given up). */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (generator.isAlive() || outstanding.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  /** New articles at the rate: half of the time one single POST, else a batch of 5-40. */
  private void generate() {
    long next = System.nanoTime();
    while (!stopFresh.get()) {
      int n = random.nextBoolean() ? 1 : 5 + random.nextInt(36);
      List<Item> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(new Item(prefix + fresh.incrementAndGet(), 1));
      }
      enqueue(new Submit(items, n > 1));
      next += (long) (n * 1e9 / Math.max(0.1, ratePerSecond));
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
      } else {
        next = System.nanoTime();
      }
    }
  }

  private void enqueue(Task task) {
    outstanding.incrementAndGet();
    queue.add(task);
  }

  private void work() {
    while (!Thread.currentThread().isInterrupted()) {
      Task task;
      try {
        task = queue.poll(200, TimeUnit.MILLISECONDS);
        if (task == null) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (task instanceof Submit s) {
          submit(s);
        } else if (task instanceof Retract r) {
          retract(r.id());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        System.out.println("  client error: " + e);
      } finally {
        outstanding.decrementAndGet();
      }
    }
  }

  /** Follow-ups of an accepted revision: sometimes a higher revision, sometimes a retraction. */
  private void followUp(Item accepted, List<Item> resubmit) {
    double r = random.nextDouble();
    if (accepted.revision() == 1 && r < 0.15) {
      resubmit.add(new Item(accepted.id(), 2));
    } else if (r < (accepted.revision() == 1 ? 0.23 : 0.35)) {
      enqueue(new Retract(accepted.id()));
    }
  }

  private void submit(Submit s) throws InterruptedException {
    if (s.items().get(0).revision() > 1) {
      resubmissions.addAndGet(s.items().size());
    }
    List<Item> resubmit = new ArrayList<>();
    if (!s.batch()) {
      Item item = s.items().get(0);
      singlePosts.incrementAndGet();
      HttpResponse<String> response = send(() -> post("/api/articles", "application/json", json(item),
          Duration.ofSeconds(30)), item.id());
      if (response == null) {
        return;
      }
      if (response.statusCode() == 202) {
        ledger.accepted(item.id(), item.revision());
        followUp(item, resubmit);
      } else {
        refused(item.id(), response);
      }
    } else {
      List<Item> pending = s.items();
      while (!pending.isEmpty()) {
        batches.incrementAndGet();
        StringBuilder body = new StringBuilder();
        pending.forEach(i -> body.append(json(i)).append('\n'));
        List<Item> sent = pending;
        HttpResponse<String> response = send(() -> post("/api/articles/batch", "application/x-ndjson",
            body.toString(), Duration.ofSeconds(60)), sent.get(0).id());
        if (response == null) {
          sent.forEach(i -> ledger.unresolved(i.id()));
          return;
        }
        if (response.statusCode() != 200) {
          refused(sent.get(0).id(), response);
          return;
        }
        List<Item> again = new ArrayList<>();
        long retryAfter = 0;
        try {
          for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode answer = JSON.readTree(line);
            Item item = sent.get(answer.path("line").asInt() - 1);
            switch (answer.path("status").asString()) {
              case "accepted" -> {
                ledger.accepted(item.id(), item.revision());
                followUp(item, resubmit);
              }
              case "unavailable" -> {
                again.add(item);
                retryAfter = Math.max(retryAfter, answer.path("retryAfter").asLong(1));
              }
              default -> {
                refused.incrementAndGet();
                System.out.println("  refused in a batch: " + line);
              }
            }
          }
        } catch (JacksonException e) {
          // an answer cut short: the outcome of every line is unknown, send them all again
          unknownOutcomes.incrementAndGet();
          again = sent;
          retryAfter = 1;
        }
        if (!again.isEmpty()) {
          retried503.incrementAndGet();
          Thread.sleep(1000 * Math.max(1, retryAfter));
        }
        pending = again;
      }
    }
    if (!resubmit.isEmpty()) {
      // a higher revision of several articles goes as one batch, of one as a single POST
      if (resubmit.size() > 1 && random.nextBoolean()) {
        enqueue(new Submit(resubmit, true));
      } else {
        resubmit.forEach(i -> enqueue(new Submit(List.of(i), false)));
      }
    }
  }

  private void retract(String id) throws InterruptedException {
    retractions.incrementAndGet();
    HttpResponse<String> response = send(() -> HttpRequest.newBuilder(URI.create(ingest + "/api/articles/" + id))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).DELETE().build(), id);
    if (response == null) {
      return;
    }
    if (response.statusCode() == 202) {
      ledger.retracted(id);
    } else {
      refused(id, response);
    }
  }

  private void refused(String id, HttpResponse<String> response) {
    refused.incrementAndGet();
    System.out.println("  refused " + id + ": " + response.statusCode() + " " + abbreviate(response.body()));
  }

  /**
   * Sends until an answer says what happened: 503 waits Retry-After; no answer (connection refused
   * or lost, a timeout) or another 5xx is an unknown outcome, so the same request goes again.
   * Null after {@link #GIVE_UP} (the article counts as unresolved).
   */
  private HttpResponse<String> send(java.util.function.Supplier<HttpRequest> request, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    long backoff = 500;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
          retried503.incrementAndGet();
          Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
          continue;
        }
        if (response.statusCode() >= 500) {
          unknownOutcomes.incrementAndGet();
          Thread.sleep(backoff);
          backoff = Math.min(5000, backoff * 2);
          continue;
        }
        return response;
      } catch (IOException e) {
        unknownOutcomes.incrementAndGet();
        Thread.sleep(backoff);
        backoff = Math.min(5000, backoff * 2);
      }
    }
    unresolved.incrementAndGet();
    ledger.unresolved(id);
    System.out.println("  gave up on " + id + " after " + GIVE_UP.toMinutes() + " min without an answer");
    return null;
  }

  private HttpRequest post(String path, String type, String body, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(ingest + path)).timeout(timeout)
        .header("Authorization", "Bearer " + token).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private String json(Item item) {
    String body = "混沌测试 " + marker + " 第" + item.id().substring(prefix.length()) + "篇 修订" + item.revision()
        + "。郑州市上街区新时代文明实践中心着力打造群众所需、特色鲜明、高质量的志愿服务品牌,整合各类平台资源,"
        + "依托全区新时代文明实践站,广泛开展各类贴近群众的志愿服务活动。";
    return JSON.createObjectNode().put("id", item.id()).put("revision", item.revision())
        .put("title", "混沌测试 " + item.id() + " 修订" + item.revision()).put("body", body)
        .put("language", "zh").toString();
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  @Override
  public void close() {
    stopFresh();
    generator.interrupt();
    workers.shutdownNow();
  }
}
