package io.articlepipeline.e2e.bench;

import java.time.Duration;

/**
 * Phase 0: articles through the batch API, unmeasured, before the timed phases. A service's hot
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
    report.section(String.format("0. warm-up: %,d articles by batch, in no figure below", n));
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
  }
}
