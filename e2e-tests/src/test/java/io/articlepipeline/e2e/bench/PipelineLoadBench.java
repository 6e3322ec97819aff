package io.articlepipeline.e2e.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark of the whole running pipeline ({@code ./pipeline bench load}), in one run on the
 * same generated-from-real-pages articles ({@link Corpus}):
 * <ol>
 *   <li>{@link WarmUpPhase}: articles through the batch API until the JIT has compiled the services'
 *       hot code, reported apart (the first minutes after a start run slower) and in no figure below;</li>
 *   <li>{@link SinglePostPhase}: single POSTs from C clients, end to end, against a plain producer;</li>
 *   <li>{@link BatchPhase}: the batch API, end to end and ingest's accept rate;</li>
 *   <li>{@link StagePhase}: the enrich and index stages' own rates against the enrichment code alone
 *       and raw {@code _bulk} of the same documents (needs the local pids);</li>
 *   <li>{@link FreshnessPhase}: sent -> searchable percentiles at a fixed offered rate (open loop);</li>
 * </ol>
 * while {@link ResourceSampler} keeps each process's peak RSS and heap; then every benchmark
 * article is retracted and the scratch state deleted. Prints ratios and the targets beside
 * the figures; asserts nothing. Environment: see {@link BenchSettings} and the pipeline script.
 */
public final class PipelineLoadBench {

  private PipelineLoadBench() {
  }

  public static void main(String[] args) throws Exception {
    // the single-POST clients' kept-alive connections (HttpURLConnection keeps 5 per host unless told)
    System.setProperty("http.maxConnections", "64");
    BenchSettings settings;
    Corpus corpus;
    try {
      settings = BenchSettings.fromEnv();
      corpus = Corpus.load();
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.out.println(e.getMessage());
      System.exit(2);
      return;
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    Elastic elastic = new Elastic(http, settings.elasticsearchUrl());
    Report report = new Report();
    try (KafkaProbe kafka = new KafkaProbe(settings.kafka(), settings.registry());
         ResourceSampler sampler = new ResourceSampler(settings, http, elastic)) {
      BenchContext ctx = new BenchContext(settings, corpus, new IngestClient(http, settings.ingestUrl(),
          settings.submitToken()), elastic, kafka, report, sampler);
      System.out.printf("pipeline load benchmark, run %s, %d cores%n  corpus: %s (%d pages)%n  pids: %s%n", ctx.run,
          Runtime.getRuntime().availableProcessors(), corpus.description(), corpus.size(),
          settings.pids().isEmpty() ? "none given (stage phase skipped, no RSS)" : settings.pids());
      sampler.start();
      try {
        phase(ctx, "warm-up", () -> WarmUpPhase.run(ctx));
        phase(ctx, "single", () -> SinglePostPhase.run(ctx));
        phase(ctx, "batch", () -> BatchPhase.run(ctx));
        phase(ctx, "stage", () -> StagePhase.run(ctx));
        phase(ctx, "freshness", () -> FreshnessPhase.run(ctx));
      } finally {
        sampler.close(); // the peaks are those of the phases, not of the cleanup
        cleanup(ctx);
      }
      report.summary(ctx.run, sampler.peaks());
    }
  }

  private interface Phase {
    void run() throws Exception;
  }

  /** A phase that fails is reported and the next one runs: the cleanup must happen in any case. */
  private static void phase(BenchContext ctx, String name, Phase phase) {
    try {
      phase.run();
    } catch (Exception e) {
      ctx.report.line("%s phase FAILED: %s", name, e);
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      ctx.report.row(name + " phase", "FAILED: " + cause.getMessage(), "-", "-", "");
    }
  }

  /** Retracts every benchmark article (readers never see them), deletes the scratch index and the baseline topic. */
  private static void cleanup(BenchContext ctx) {
    ctx.report.section("cleanup");
    List<String> ids = new ArrayList<>(ctx.accepted);
    AtomicInteger retracted = new AtomicInteger();
    long started = System.nanoTime();
    try {
      Parallel.each(ids, ctx.settings.concurrency(), id -> {
        if (ctx.ingest.retract(id)) {
          retracted.incrementAndGet();
        }
      });
      ctx.report.line("%,d of %,d benchmark articles retracted in %.1f s", retracted.get(), ids.size(),
          BenchContext.seconds(started, System.nanoTime()));
      String[] markers = ctx.markers.toArray(String[]::new);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      long left = markers.length == 0 ? 0 : ctx.elastic.count(markers);
      while (left > 0 && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        left = ctx.elastic.count(markers);
      }
      ctx.report.line("%s", left == 0 ? "none of them searchable any more"
          : left + " still searchable after 5 min: retract them with DELETE /api/articles/{id}");
    } catch (Exception e) {
      ctx.report.line("retraction FAILED (%d of %d done): %s", retracted.get(), ids.size(), e);
    }
    try {
      ctx.elastic.deleteIndex(BulkBaseline.scratchIndex(ctx));
      ctx.kafka.deleteBaselineTopic();
      ctx.report.line("scratch index %s and topic %s deleted", BulkBaseline.scratchIndex(ctx),
          KafkaProbe.BASELINE_TOPIC);
    } catch (Exception e) {
      ctx.report.line("deleting the scratch index or the baseline topic FAILED: %s", e);
    }
  }
}
