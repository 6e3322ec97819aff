package io.articlepipeline.enrich.tools.bench;

import com.hankcs.hanlp.HanLP;
import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.tools.eval.JsonLines;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of the JMH ratio for shared, busy machines: full enrichment and HanLP's plain
 * segmentation alternate text by text and are timed in thread CPU time, so other tenants'
 * load affects both alike. {@code java -cp benchmarks.jar ...CpuTimeRatio FILE.jsonl [ROUNDS]}.
 * (Alternating also shares caches between the two, which slightly favours the ratio.)
 */
public final class CpuTimeRatio {

  private CpuTimeRatio() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: CpuTimeRatio FILE.jsonl [ROUNDS]");
      System.exit(2);
    }
    List<Map<String, Object>> docs;
    try {
      docs = JsonLines.objects(Path.of(args[0]));
    } catch (IllegalArgumentException e) {
      System.err.println("CpuTimeRatio: " + e.getMessage() + "; pass as FILE.jsonl a JSON Lines file of texts");
      System.exit(2);
      return;
    }
    ArticleEnricher enricher = ArticleEnrichers.load(null, true, Boolean.getBoolean("bench.learnedKeywords"));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<EnrichmentRequest> texts = new ArrayList<>();
    long chars = 0;
    for (Map<String, Object> d : docs) {
      texts.add(new EnrichmentRequest((String) d.get("title"), (String) d.get("text"), null));
      chars += ((String) d.get("text")).length();
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long sink = 0;
    for (int pass = 1; pass <= 5; pass++) {
      long enrich = 0;
      long segment = 0;
      for (int r = 0; r < rounds; r++) {
        for (EnrichmentRequest t : texts) {
          long t0 = cpu.getCurrentThreadCpuTime();
          sink += enricher.enrich(t).bodyTokens().size();
          long t1 = cpu.getCurrentThreadCpuTime();
          sink += HanLP.segment(t.body()).size();
          long t2 = cpu.getCurrentThreadCpuTime();
          enrich += t1 - t0;
          segment += t2 - t1;
        }
      }
      double total = (double) chars * rounds;
      System.out.printf(Locale.ROOT, "pass %d: enrichment %.0f chars/cpu-s, HanLP segmentation %.0f chars/cpu-s, ratio %.3f%n",
          pass, total / (enrich / 1e9), total / (segment / 1e9), (double) segment / enrich);
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}
