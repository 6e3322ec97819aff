package io.articlepipeline.e2e.bench;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import java.util.List;

/**
 * The enrich stage's raw baseline: the enrichment code alone (as the enrich service loads it,
 * without an operator gazetteer) on the same texts, in this JVM, on as many threads as the
 * machine has cores, after a warm-up: no Kafka, no Avro, no consumer.
 */
final class EnrichBaseline {

  private EnrichBaseline() {
  }

  static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Articles/s of the enrichment code alone over {@code articles}. */
  static double rate(BenchContext ctx, List<Article> articles) throws Exception {
    long loadStart = System.nanoTime();
    ArticleEnricher enricher = ArticleEnrichers.load(null);
    List<EnrichmentRequest> requests = articles.stream()
        .map(a -> new EnrichmentRequest(a.title(), a.body(), a.language())).toList();
    long warmStart = System.nanoTime();
    // the JIT compiles the hot paths on the first few thousand calls; then time every text once
    List<EnrichmentRequest> warmUp = requests.subList(0, Math.min(requests.size(), 2000));
    Parallel.each(warmUp, threads(), enricher::enrich);
    long started = System.nanoTime();
    Parallel.each(requests, threads(), enricher::enrich);
    double seconds = BenchContext.seconds(started, System.nanoTime());
    double rate = requests.size() / seconds;
    ctx.report.line("enrichment code alone (loaded in %.1f s, warmed up on %,d texts in %.1f s), %d threads: %,d texts"
            + " in %.1f s: %s articles/s", BenchContext.seconds(loadStart, warmStart), warmUp.size(),
        BenchContext.seconds(warmStart, started), threads(), requests.size(), seconds, Report.rate(rate));
    return rate;
  }
}
