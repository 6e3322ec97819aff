package io.articlepipeline.enrich.tools.bench;

import com.hankcs.hanlp.HanLP;
import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.tools.eval.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full enrichment (cleanup, segmentation, organizations, keywords) against HanLP's plain
 * segmentation of the same texts, one thread (= per core). One operation is one pass over the
 * corpus; chars/s = ops/s x the corpus size printed at set-up. The corpus is the shipped sample
 * page, or the texts of a JSON Lines file given with -Dbench.corpus=FILE.jsonl;
 * -Dbench.learnedKeywords=true orders keywords by the learned ranker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class EnrichBenchmark {

  private ArticleEnricher enricher;
  private List<EnrichmentRequest> requests;

  @Setup
  public void setUp() throws IOException {
    enricher = ArticleEnrichers.load(null, true, Boolean.getBoolean("bench.learnedKeywords"));
    requests = corpus();
    long chars = 0;
    for (EnrichmentRequest r : requests) {
      chars += r.body().length();
    }
    System.out.println("corpus: " + requests.size() + " texts, " + chars + " chars per operation");
    HanLP.segment("预热");
  }

  /** Total body characters of one pass over the corpus (one operation). */
  static long corpusChars() throws IOException {
    long chars = 0;
    for (EnrichmentRequest r : corpus()) {
      chars += r.body().length();
    }
    return chars;
  }

  static List<EnrichmentRequest> corpus() throws IOException {
    String file = System.getProperty("bench.corpus");
    List<EnrichmentRequest> out = new ArrayList<>();
    if (file != null) {
      for (Map<String, Object> d : JsonLines.objects(Path.of(file))) {
        out.add(new EnrichmentRequest((String) d.get("title"), (String) d.get("text"), null));
      }
      return out;
    }
    try (InputStream in = EnrichBenchmark.class.getResourceAsStream("/bench/sample-page.txt")) {
      out.add(new EnrichmentRequest(null, new String(in.readAllBytes(), StandardCharsets.UTF_8), null));
    }
    return out;
  }

  @Benchmark
  public void fullEnrichment(Blackhole bh) {
    for (EnrichmentRequest r : requests) {
      Enrichment e = enricher.enrich(r);
      bh.consume(e);
    }
  }

  @Benchmark
  public void hanlpSegmentation(Blackhole bh) {
    for (EnrichmentRequest r : requests) {
      bh.consume(HanLP.segment(r.body()));
    }
  }
}
