package io.articlepipeline.e2e.bench;

import java.time.Duration;
import java.util.List;

/**
 * Phase 1: N single POSTs from C clients (closed loop). End to end: articles / (first submit ->
 * all searchable). Baseline: the same records from a plain producer, same concurrency, acks=all.
 */
final class SinglePostPhase {

  private SinglePostPhase() {
  }

  static void run(BenchContext ctx) throws Exception {
    int n = ctx.settings.single();
    int clients = ctx.settings.concurrency();
    Report report = ctx.report;
    report.section(String.format("1. single POSTs: %,d articles, %d clients", n, clients));
    if (n == 0) {
      report.line("skipped (BENCH_SINGLE=0)");
      return;
    }
    ctx.sampler.phase("single");
    String marker = ctx.marker("single");
    List<Article> articles = ctx.corpus.copies(marker, n);

    double producer = ctx.kafka.syncRate(articles, clients, marker);
    report.line("plain producer, acks=all, one sync send per record, %d threads: %s records/s", clients,
        Report.rate(producer));

    IngestClient.Refusals refused = new IngestClient.Refusals();
    CpuMeter cpu = CpuMeter.start(ctx.settings.pids());
    long started = System.nanoTime();
    List<String> ids = ctx.ingest.submitAll(articles, clients, refused);
    long answered = System.nanoTime();
    ctx.accepted.addAll(ids);
    double ingestRate = ids.size() / BenchContext.seconds(started, answered);
    report.line("ingest accepted %,d (%s) in %.1f s: %s articles/s (%.2fx the plain producer)", ids.size(),
        refused, BenchContext.seconds(started, answered), Report.rate(ingestRate), ingestRate / producer);

    long searchable = ctx.awaitSearchable(marker, ids.size(), Duration.ofMinutes(10));
    if (searchable < 0) {
      report.line("NOT all searchable after 10 min: %,d of %,d", ctx.elastic.count(marker), ids.size());
      report.row("single POSTs, end to end", "not all searchable", "-", "-", ">= 400 articles/s");
      return;
    }
    double e2e = ids.size() / BenchContext.seconds(started, searchable);
    report.line("all %,d searchable %.1f s after the first submit: %s articles/s end to end", ids.size(),
        BenchContext.seconds(started, searchable), Report.rate(e2e));
    cpu.report(report, "single POSTs", ids.size());
    report.line("submittedAt -> indexedAt as stamped: %s", Report.percentiles(ctx.stampedLatencies(marker)));
    report.row(String.format("single POSTs (%d clients), end to end", clients), Report.rate(e2e) + " articles/s",
        "-", "-", ">= 400 articles/s");
    report.ratioRow("  ingest accept rate, single POSTs", ingestRate, "articles/s", "sync producer", producer, "");
  }
}
