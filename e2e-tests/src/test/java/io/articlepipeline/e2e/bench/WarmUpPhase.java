package io.articlepipeline.e2e.bench;

import java.time.Duration;
import java.util.List;

/**
 * Phase 0: articles through the batch API, then a tenth as many as single POSTs (their request
 * path in ingest is another code path to compile), unmeasured, before the timed phases. A service's hot
 * code (the enrichment above all) runs interpreted or lightly compiled until the JIT has compiled
 * it; on two busy cores that takes some 20,000 articles, and a phase timed during it measures the
 * compiler, not the pipeline. Its end-to-end rate is reported apart, as what the first minutes
 * after a start look like.
 */
final class WarmUpPhase {

  private WarmUpPhase() {
  }

  static void run(BenchContext ctx) throws Exception {
    int n = ctx.settings.warmUp();
    Report report = ctx.report;
    int single = n / 10;
    report.section(String.format("0. warm-up: %,d articles by batch and %,d by single POSTs, in no figure below", n,
        single));
    if (n == 0) {
      report.line("skipped (BENCH_WARMUP=0): the phases below include the JIT's warm-up if the services just started");
      return;
    }
    ctx.sampler.phase("warm-up");
    String marker = ctx.marker("warmup");
    long started = System.nanoTime();
    BatchPhase.Submitted submitted = BatchPhase.submit(ctx, ctx.corpus.copies(marker, n));
    int accepted = submitted.ids().size();
    long searchable = ctx.awaitSearchable(marker, accepted, Duration.ofMinutes(20));
    if (searchable < 0) {
      report.line("NOT all searchable after 20 min: %,d of %,d", ctx.elastic.count(marker), accepted);
      return;
    }
    double rate = accepted / BenchContext.seconds(started, searchable);
    report.line("all %,d searchable %.1f s after the first request: %s articles/s end to end (services as they were:"
        + " just started, this is the cold figure)", accepted, BenchContext.seconds(started, searchable), Report.rate(rate));
    report.row(String.format("  warm-up batch (%,d), end to end", accepted), Report.rate(rate) + " articles/s", "-", "-",
        "");
    String singleMarker = ctx.marker("warmupsingle");
    IngestClient.Refusals refused = new IngestClient.Refusals();
    List<String> ids = ctx.ingest.submitAll(ctx.corpus.copies(singleMarker, single), ctx.settings.concurrency(), refused);
    ctx.accepted.addAll(ids);
    if (ctx.awaitSearchable(singleMarker, ids.size(), Duration.ofMinutes(10)) < 0) {
      report.line("single POSTs: NOT all searchable after 10 min: %,d of %,d", ctx.elastic.count(singleMarker), ids.size());
      return;
    }
    report.line("then %,d single POSTs (%s), all searchable", ids.size(), refused);
  }
}
