package io.articlepipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Waits until accepted articles are searchable by polling each one's status (the URL its answer
 * named: the index service's {@code GET /api/articles/{id}/status?revision=R}), a few at a time so
 * the service is not flooded, polling again only those still processing, until all are indexed or failed or the
 * timeout passes.
 */
final class SearchableWaiter {

  /** What the wait found. */
  record Outcome(int total, int searchable, List<Problem> failed, List<Accepted> stillProcessing,
                 List<Accepted> indexedPages, String fatal) {
  }

  private enum State { INDEXED, FAILED, PROCESSING }

  private record Poll(Accepted article, State state, String failure) {
  }

  private final IngestClient client;
  private final ObjectMapper json;
  private final int parallelism;
  private final Duration pollInterval;

  SearchableWaiter(IngestClient client, ObjectMapper json, int parallelism, Duration pollInterval) {
    this.client = client;
    this.json = json;
    this.parallelism = parallelism;
    this.pollInterval = pollInterval;
  }

  /** Polls until every article is indexed or failed, or {@code timeout} passed. */
  Outcome await(List<Accepted> accepted, Duration timeout, ProgressMode mode, PrintStream err)
      throws InterruptedException {
    // the same id twice (the same url submitted twice) is one document: wait for its newest revision
    Map<String, Accepted> byId = new LinkedHashMap<>();
    for (Accepted a : accepted) {
      byId.merge(a.id(), a, (x, y) -> y.revision() >= x.revision() ? y : x);
    }
    List<Accepted> pending = new ArrayList<>(byId.values());
    int total = pending.size();
    AtomicInteger searchable = new AtomicInteger();
    AtomicReference<String> fatal = new AtomicReference<>();
    List<Problem> failed = new ArrayList<>();
    List<Accepted> pages = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon());
    try (Progress progress = new Progress(mode, err, "searchable %s", searchable::get, total)) {
      while (!pending.isEmpty() && fatal.get() == null) {
        long roundStart = System.nanoTime();
        long left = deadline - roundStart;
        if (left <= 0) {
          break;
        }
        List<Callable<Poll>> polls = new ArrayList<>();
        for (Accepted a : pending) {
          polls.add(() -> poll(a, fatal, searchable));
        }
        List<Accepted> next = new ArrayList<>();
        List<Future<Poll>> results = pool.invokeAll(polls, left, TimeUnit.NANOSECONDS);
        for (int i = 0; i < results.size(); i++) {
          Poll p = result(results.get(i), pending.get(i));
          switch (p.state()) {
            case INDEXED -> {
              if (p.article().page()) {
                pages.add(p.article());
              }
            }
            case FAILED -> failed.add(new Problem(p.article().origin(), p.article().id() + ": " + p.failure()));
            default -> next.add(p.article());
          }
        }
        pending = next;
        long pause = pollInterval.toNanos() - (System.nanoTime() - roundStart);
        if (!pending.isEmpty() && pause > 0) {
          TimeUnit.NANOSECONDS.sleep(Math.min(pause, Math.max(0, deadline - System.nanoTime())));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    failed.sort(Tally.IN_FILE_ORDER);
    return new Outcome(total, searchable.get(), failed, pending, pages, fatal.get());
  }

  private static Poll result(Future<Poll> future, Accepted article) throws InterruptedException {
    try {
      return future.get();
    } catch (CancellationException | ExecutionException e) {
      return new Poll(article, State.PROCESSING, null); // not told in time: still processing for us
    }
  }

  /** Asks once; counts an indexed one at once, so the progress moves during a long round. */
  private Poll poll(Accepted a, AtomicReference<String> fatal, AtomicInteger searchable) throws InterruptedException {
    if (a.statusUrl() == null || a.statusUrl().isBlank()) {
      fatal.compareAndSet(null, "the ingest service named no statusUrl for " + a.id()
          + ": it is not the version this client polls; submit with --no-wait");
      return new Poll(a, State.PROCESSING, null);
    }
    IngestClient.Response response;
    try {
      response = client.status(a.statusUrl());
    } catch (IOException e) {
      return new Poll(a, State.PROCESSING, null); // asked again next round
    }
    if (response.status() == 401 || response.status() == 403) {
      fatal.compareAndSet(null, Sender.tokenRefused(response.status(), ApiAnswers.tree(json, response.body())));
      return new Poll(a, State.PROCESSING, null);
    }
    JsonNode answer = response.status() == 200 ? ApiAnswers.tree(json, response.body()) : null;
    String status = answer == null ? "" : answer.path("status").asString("");
    if (status.equals("indexed")) {
      searchable.incrementAndGet();
      return new Poll(a, State.INDEXED, null);
    }
    if (status.equals("failed")) {
      JsonNode f = answer.path("failure");
      return new Poll(a, State.FAILED, "failed at " + f.path("stage").asString("an unknown stage") + ": "
          + f.path("reason").asString("no reason given"));
    }
    return new Poll(a, State.PROCESSING, null);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "status-poll");
      t.setDaemon(true);
      return t;
    };
  }
}
