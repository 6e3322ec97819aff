package io.articlepipeline.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase 2: N articles through the batch API, 500 per request, 4 requests in flight. End to end:
 * accepted / (first request -> search total of the marker == accepted); ingest's accept rate
 * alone: until the last batch answered. Baseline: the same records from a plain producer that
 * sends all and then waits for the acks (acks=all), as a batch request lets ingest do.
 */
final class BatchPhase {

  /** The accepted ids of a batch submission and when the last request was answered. */
  record Submitted(List<String> ids, long answeredNanos, int invalid, int tooLarge, int resent) {
  }

  private BatchPhase() {
  }

  static void run(BenchContext ctx) throws Exception {
    int n = ctx.settings.batch();
    Report report = ctx.report;
    report.section(String.format("2. batch: %,d articles, %d per request, %d requests in flight", n,
        BenchSettings.BATCH_SIZE, BenchSettings.BATCH_IN_FLIGHT));
    if (n == 0) {
      report.line("skipped (BENCH_BATCH=0)");
      return;
    }
    ctx.sampler.phase("batch");
    String marker = ctx.marker("batch");
    List<Article> articles = ctx.corpus.copies(marker, n);

    CpuMeter cpu = CpuMeter.start(ctx.settings.pids());
    long started = System.nanoTime();
    Submitted submitted;
    try {
      submitted = submit(ctx, articles);
    } catch (IngestClient.BatchApiMissing e) {
      ctx.batchApi = false;
      report.line("%s: phase skipped", e.getMessage());
      report.row("batch, end to end", e.getMessage(), "-", "-", ">= 1,000 articles/s");
      return;
    }
    int accepted = submitted.ids().size();
    double acceptRate = accepted / BenchContext.seconds(started, submitted.answeredNanos());
    report.line("ingest accepted %,d (%d invalid, %d too large, %d lines resent) in %.1f s: %s articles/s", accepted,
        submitted.invalid(), submitted.tooLarge(), submitted.resent(),
        BenchContext.seconds(started, submitted.answeredNanos()), Report.rate(acceptRate));

    long searchable = ctx.awaitSearchable(marker, accepted, Duration.ofMinutes(20));
    if (searchable < 0) {
      report.line("NOT all searchable after 20 min: %,d of %,d", ctx.elastic.count(marker), accepted);
      report.row("batch, end to end", "not all searchable", "-", "-", ">= 1,000 articles/s");
      return;
    }
    double e2e = accepted / BenchContext.seconds(started, searchable);
    cpu.report(report, "batch", accepted);
    report.line("all %,d searchable %.1f s after the first request: %s articles/s end to end", accepted,
        BenchContext.seconds(started, searchable), Report.rate(e2e));
    report.line("submittedAt -> indexedAt as stamped: %s", Report.percentiles(ctx.stampedLatencies(marker)));

    // after the pipeline has drained, so the baseline does not compete with it for the CPU
    double producer = ctx.kafka.asyncRate(articles, marker);
    report.line("plain producer, acks=all, all sent then all acks awaited: %s records/s", Report.rate(producer));
    report.row(String.format("batch (%,d), end to end", accepted), Report.rate(e2e) + " articles/s", "-", "-",
        ">= 1,000 articles/s");
    report.ratioRow("  ingest accept rate, batch", acceptRate, "articles/s", "async producer", producer, "");
  }

  /** Sends the articles in batches, {@link BenchSettings#BATCH_IN_FLIGHT} requests at a time. */
  static Submitted submit(BenchContext ctx, List<Article> articles) throws Exception {
    List<List<Article>> batches = Parallel.chunks(articles, BenchSettings.BATCH_SIZE);
    List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger invalid = new AtomicInteger();
    AtomicInteger tooLarge = new AtomicInteger();
    AtomicInteger resent = new AtomicInteger();
    try {
      Parallel.each(batches, BenchSettings.BATCH_IN_FLIGHT, batch -> {
        IngestClient.BatchOutcome outcome = ctx.ingest.submitBatch(batch);
        ids.addAll(outcome.ids());
        invalid.addAndGet(outcome.invalid());
        tooLarge.addAndGet(outcome.tooLarge());
        resent.addAndGet(outcome.resent());
      });
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IngestClient.BatchApiMissing missing) {
        throw missing;
      }
      throw e;
    } finally {
      ctx.accepted.addAll(ids);
    }
    return new Submitted(new ArrayList<>(ids), System.nanoTime(), invalid.get(), tooLarge.get(), resent.get());
  }
}
