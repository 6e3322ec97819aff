package io.articlepipeline.e2e.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Phase 4: freshness at a fixed offered rate, open loop. R single POSTs a second for S seconds,
 * each handed at its scheduled instant to a pool of {@link #SENDERS} sender threads whatever the
 * earlier ones are doing (answers never awaited by the schedule; a send that starts more than
 * 10 ms behind it, because all senders were busy, is counted late). Each sender is a blocking,
 * kept-alive connection as in phase 1: the JDK's asynchronous HttpClient cost the shared cores
 * about 1.2 ms of CPU a request, taken from the pipeline being measured. A
 * poller asks Elasticsearch every ~100 ms for the phase's recently indexed ids and records when
 * each is first visible; latency = first visible (the poll's answer) - the instant its POST was sent.
 */
final class FreshnessPhase {

  private static final long LATE_NANOS = 10_000_000L;
  /** Sender threads: at 200/s and answers within 50-100 ms, about 20 are busy at a time. */
  private static final int SENDERS = 64;
  private static final Duration POLL_EVERY = Duration.ofMillis(100);
  /** The poller looks at documents indexed in this window (their indexedAt), not at all of the phase's. */
  private static final Duration WINDOW = Duration.ofSeconds(10);
  /** How long after the last send an article may take to become visible before it counts as never. */
  private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  private FreshnessPhase() {
  }

  static void run(BenchContext ctx) throws Exception {
    int rate = ctx.settings.rate();
    int seconds = ctx.settings.seconds();
    int n = rate * seconds;
    Report report = ctx.report;
    report.section(String.format("4. freshness, open loop: %d articles/s offered for %d s (%,d single POSTs)", rate,
        seconds, n));
    if (n == 0) {
      report.line("skipped (BENCH_RATE or BENCH_SECONDS is 0)");
      return;
    }
    ctx.sampler.phase("freshness");
    String marker = ctx.marker("fresh");
    List<Article> articles = ctx.corpus.copies(marker, n);

    Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    List<Long> pollMillis = java.util.Collections.synchronizedList(new ArrayList<>());
    CpuMeter cpu = CpuMeter.start(ctx.settings.pids());
    Thread poller = new Thread(() -> poll(ctx, marker, firstSeen, pollMillis), "freshness-poller");
    poller.setDaemon(true);
    poller.start();

    long[] sentAt = new long[n];
    Map<String, Integer> idToIndex = new ConcurrentHashMap<>();
    IngestClient.Refusals refusals = new IngestClient.Refusals();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger late = new AtomicInteger();
    AtomicLong maxLate = new AtomicLong();
    CountDownLatch answers = new CountDownLatch(n);
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
      Thread t = new Thread(r, "freshness-sender");
      t.setDaemon(true);
      return t;
    });
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    for (int k = 0; k < n; k++) {
      long due = start + k * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int index = k;
      senders.execute(() -> {
        long now = System.nanoTime();
        if (now - due > LATE_NANOS) {
          late.incrementAndGet();
        }
        maxLate.accumulateAndGet(now - due, Math::max);
        sentAt[index] = now;
        try {
          String id = ctx.ingest.submit(articles.get(index), refusals);
          if (id != null) {
            idToIndex.put(id, index);
            ctx.accepted.add(id);
          }
        } catch (IOException | RuntimeException e) {
          failed.incrementAndGet();
        } finally {
          answers.countDown();
        }
      });
    }
    if (!answers.await(2, TimeUnit.MINUTES)) {
      report.line("some POSTs still unanswered 2 min after the last send");
    }
    senders.shutdownNow();
    long firstSent = Long.MAX_VALUE;
    long lastSent = 0;
    for (long t : sentAt) {
      if (t != 0) {
        firstSent = Math.min(firstSent, t);
        lastSent = Math.max(lastSent, t);
      }
    }
    double offered = n > 1 ? (n - 1) / BenchContext.seconds(firstSent, lastSent) : rate;
    long answered = System.nanoTime();
    report.line("sent %,d in %.1f s: %.1f articles/s offered (%d starts more than 10 ms late, the latest %.0f ms)",
        n, BenchContext.seconds(firstSent, lastSent), offered, late.get(), maxLate.get() / 1e6);
    report.line("answers: %,d accepted, %d refused%s, %d failed; the last answer %.1f s after the last send",
        idToIndex.size(), refusals.total(), refusals.total() > 0 ? " (" + refusals + ")" : "", failed.get(),
        BenchContext.seconds(lastSent, answered));

    long deadline = lastSent + VISIBLE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && !firstSeen.keySet().containsAll(idToIndex.keySet())) {
      Thread.sleep(100);
    }
    poller.interrupt();
    poller.join(5000);
    cpu.line(report, "article, freshness (first send -> all visible, the poller included)", n);

    List<Long> latencies = new ArrayList<>();
    int never = 0;
    for (Map.Entry<String, Integer> e : idToIndex.entrySet()) {
      Long seen = firstSeen.get(e.getKey());
      if (seen == null) {
        never++;
      } else {
        latencies.add((seen - sentAt[e.getValue()]) / 1_000_000L);
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] polls;
    synchronized (pollMillis) {
      polls = pollMillis.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    report.line("sent -> searchable (seen when the poller's answer arrives; a poll every %d ms plus its round "
        + "trip, %s): %s; %d never visible within %d s", POLL_EVERY.toMillis(), polls.length == 0 ? "none answered"
        : String.format(java.util.Locale.ROOT, "p50 %d, p99 %d, max %d ms over %,d polls", Report.pct(polls, 50),
        Report.pct(polls, 99), polls[polls.length - 1], polls.length),
        Report.percentiles(sorted), never, VISIBLE_TIMEOUT.toSeconds());
    report.line("submittedAt -> indexedAt as stamped: %s", Report.percentiles(ctx.stampedLatencies(marker)));
    String measured = sorted.length == 0 ? "nothing became visible" : String.format(java.util.Locale.ROOT,
        "p99 %.2f s (p50 %.2f, p95 %.2f, max %.2f)", Report.pct(sorted, 99) / 1000.0, Report.pct(sorted, 50) / 1000.0,
        Report.pct(sorted, 95) / 1000.0, sorted[sorted.length - 1] / 1000.0);
    report.row(String.format(java.util.Locale.ROOT, "freshness, %.0f/s offered, sent -> searchable", offered),
        measured + (never > 0 ? ", " + never + " never visible" : ""), "-", "-", "p99 <= 2 s at 200/s");
  }

  private static void poll(BenchContext ctx, String marker, Map<String, Long> firstSeen, List<Long> pollMillis) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        long asked = System.nanoTime();
        List<String> ids = ctx.elastic.recentIds(marker, WINDOW);
        long now = System.nanoTime();
        pollMillis.add((now - asked) / 1_000_000L);
        for (String id : ids) {
          firstSeen.putIfAbsent(id, now);
        }
        Thread.sleep(POLL_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // a failed poll is a gap of 100 ms: the next one sees the same documents
        LockSupport.parkNanos(POLL_EVERY.toNanos());
      }
    }
  }
}
