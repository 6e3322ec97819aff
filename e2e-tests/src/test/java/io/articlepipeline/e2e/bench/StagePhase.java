package io.articlepipeline.e2e.bench;

import io.articlepipeline.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Phase 3: each stage's own rate against its raw baseline. With the index and enrich processes
 * stopped (SIGSTOP), M articles are submitted; enrich is continued and timed until its group's
 * lag on articles.submitted is 0, then index, until its lag on articles.enriched is 0 and, after
 * one explicit refresh as in the baseline, all M are searchable. Baselines: the enrichment code alone on the same texts in this JVM ({@link
 * EnrichBaseline}), and raw {@code _bulk} of the documents the index stage wrote ({@link BulkBaseline}).
 */
final class StagePhase {

  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);
  /**
   * How often a stage's lag is asked for while it drains: a stage's time is late by at most this,
   * and each poll is two requests to the broker on the cores the stage runs on.
   */
  static final Duration LAG_POLL = Duration.ofMillis(50);

  /** Bulk requests the index stage has in flight by default (pipeline.index.bulk-parallelism). */
  static final int STAGE_REQUESTS_IN_FLIGHT = 2;

  /** Longest wait for Elasticsearch's merges before the index stage and its baseline are timed. */
  static final Duration MERGE_WAIT = Duration.ofSeconds(60);
  /** Kafka's default session timeout: a consumer stopped longer is evicted and rejoins when continued. */
  private static final long SESSION_TIMEOUT_SECONDS = 45;

  private StagePhase() {
  }

  static void run(BenchContext ctx) throws Exception {
    int m = ctx.settings.stage();
    Report report = ctx.report;
    report.section(String.format("3. stage rates against raw baselines: %,d articles", m));
    if (m == 0) {
      report.line("skipped (BENCH_STAGE=0)");
      return;
    }
    OptionalLong enrichPid = ctx.settings.pid("enrich");
    OptionalLong indexPid = ctx.settings.pid("index");
    if (enrichPid.isEmpty() || indexPid.isEmpty()) {
      report.line("skipped: ENRICH_PID and INDEX_PID not given (a remote pipeline?): the stages are"
          + " measured by stopping their local processes");
      report.row("enrich / index stage rates", "skipped (no local pids)", "-", "-", "index >= 0.8x raw _bulk");
      return;
    }
    ctx.sampler.phase("stage");
    if (awaitLagZero(ctx, "enrich", Topics.SUBMITTED, Duration.ofMinutes(5)) < 0
        || awaitLagZero(ctx, "index", Topics.ENRICHED, Duration.ofMinutes(5)) < 0) {
      report.line("note: the stages had not caught up after 5 min (lag %,d); their backlog counts in", ctx.kafka.pipelineLag());
    }
    String marker = ctx.marker("stage");
    List<Article> articles = ctx.corpus.copies(marker, m);

    long stoppedAt = System.nanoTime();
    Processes.stop(indexPid.getAsLong());
    Processes.stop(enrichPid.getAsLong());
    int accepted;
    double enrichRate;
    double indexRate;
    try {
      accepted = submit(ctx, articles);
      long backlog = ctx.kafka.lag("enrich", Topics.SUBMITTED);
      CpuMeter enrichCpu = CpuMeter.start(ctx.settings.pids());
      long enrichStart = System.nanoTime();
      Processes.resume(enrichPid.getAsLong());
      long enrichDone = awaitLagZero(ctx, "enrich", Topics.SUBMITTED, DRAIN_TIMEOUT);
      if (enrichDone < 0) {
        report.line("enrich did NOT catch up within %d min (lag %,d)", DRAIN_TIMEOUT.toMinutes(),
            ctx.kafka.lag("enrich", Topics.SUBMITTED));
        return;
      }
      enrichRate = backlog / BenchContext.seconds(enrichStart, enrichDone);
      report.line("enrich stage: %,d records (stopped %.0f s) enriched in %.1f s: %s records/s", backlog,
          BenchContext.seconds(stoppedAt, enrichStart), BenchContext.seconds(enrichStart, enrichDone),
          Report.rate(enrichRate));
      enrichCpu.line(report, "record, enrich stage", (int) backlog);

      long indexBacklog = ctx.kafka.lag("index", Topics.ENRICHED);
      double mergeWait = ctx.elastic.awaitNoMerges(MERGE_WAIT);
      CpuMeter indexCpu = CpuMeter.start(ctx.settings.pids());
      long indexStart = System.nanoTime();
      double indexStopped = BenchContext.seconds(stoppedAt, indexStart);
      Processes.resume(indexPid.getAsLong());
      long lagZero = awaitLagZero(ctx, "index", Topics.ENRICHED, DRAIN_TIMEOUT);
      if (lagZero < 0) {
        report.line("index did NOT catch up within %d min: lag %,d, %,d of %,d searchable", DRAIN_TIMEOUT.toMinutes(),
            ctx.kafka.lag("index", Topics.ENRICHED), ctx.elastic.count(marker), accepted);
        return;
      }
      // as the baseline: written, then one explicit refresh (the refresh interval's own wait is
      // what the freshness phase measures)
      ctx.elastic.refresh(ctx.elastic.liveIndex());
      long searchable = ctx.awaitSearchable(marker, accepted, DRAIN_TIMEOUT);
      if (searchable < 0) {
        report.line("index wrote its backlog but only %,d of %,d are searchable", ctx.elastic.count(marker), accepted);
        return;
      }
      double seconds = BenchContext.seconds(indexStart, searchable);
      indexRate = accepted / seconds;
      report.line("index stage: %,d records (stopped %.0f s%s; %s), all written (lag 0) in %.2f s, all %,d searchable"
              + " after an explicit refresh in %.2f s: %s docs/s",
          indexBacklog, indexStopped,
          indexStopped > SESSION_TIMEOUT_SECONDS ? ", longer than the session timeout: its time includes a rejoin" : "",
          mergeWait < 0 ? "Elasticsearch still merging after " + MERGE_WAIT.toSeconds() + " s"
              : String.format(java.util.Locale.ROOT, "after %.1f s for Elasticsearch's merges to end", mergeWait),
          BenchContext.seconds(indexStart, lagZero), accepted, seconds, Report.rate(indexRate));
      indexCpu.line(report, "document, index stage", accepted);
    } finally {
      Processes.resume(enrichPid.getAsLong());
      Processes.resume(indexPid.getAsLong());
    }

    double enrichAlone = EnrichBaseline.rate(ctx, articles);
    report.row(String.format("enrich stage (%,d)", accepted), Report.rate(enrichRate) + " articles/s",
        "code alone, " + EnrichBaseline.threads() + " threads " + Report.rate(enrichAlone) + " articles/s",
        String.format(java.util.Locale.ROOT, "%.2fx", enrichRate / enrichAlone), "");
    // one client thread (the baseline), and as many requests in flight as the stage
    // sends by default: what Elasticsearch takes from a client that keeps it as busy
    double[] bulk = BulkBaseline.rates(ctx, marker, 1, STAGE_REQUESTS_IN_FLIGHT);
    report.ratioRow(String.format("index stage (%,d, continued -> written, refreshed)", accepted), indexRate, "docs/s",
        "raw _bulk", bulk[0], ">= 0.8x raw _bulk");
    report.ratioRow("index stage against raw _bulk as busy", indexRate, "docs/s",
        "raw _bulk, " + STAGE_REQUESTS_IN_FLIGHT + " threads", bulk[1], "");
  }

  /** Submits the phase's articles by the batch API if ingest has it, else by single POSTs; the accepted count. */
  private static int submit(BenchContext ctx, List<Article> articles) throws Exception {
    long started = System.nanoTime();
    if (ctx.batchApi) {
      try {
        int accepted = BatchPhase.submit(ctx, articles).ids().size();
        ctx.report.line("%,d accepted by the batch API in %.1f s, enrich and index stopped", accepted,
            BenchContext.seconds(started, System.nanoTime()));
        return accepted;
      } catch (IngestClient.BatchApiMissing e) {
        ctx.batchApi = false;
      }
    }
    IngestClient.Refusals refused = new IngestClient.Refusals();
    List<String> ids = ctx.ingest.submitAll(articles, ctx.settings.concurrency(), refused);
    ctx.accepted.addAll(ids);
    ctx.report.line("%,d accepted by single POSTs (no batch API; %s) in %.1f s, enrich and index stopped",
        ids.size(), refused, BenchContext.seconds(started, System.nanoTime()));
    return ids.size();
  }

  /** Polls a group's lag every 20 ms; the nanoTime it was 0, or -1 after the timeout. */
  private static long awaitLagZero(BenchContext ctx, String group, String topic, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long lag = ctx.kafka.lag(group, topic);
      long now = System.nanoTime();
      if (lag == 0) {
        return now;
      }
      if (now > deadline) {
        return -1;
      }
      Thread.sleep(LAG_POLL.toMillis());
    }
  }
}
