package io.articlepipeline.enrich.tools.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link EnrichBenchmark} the way a shared, noisy machine needs: the full enrichment and
 * HanLP's plain segmentation alternate in rounds (each round one fork of each, back to back),
 * so a burst of load from other tenants hits both sides of a round's ratio. Prints chars/s per
 * core of each side per round and the median ratio.
 * {@code java -Dbench.corpus=FILE.jsonl -cp benchmarks.jar ...EnrichBenchMain [ROUNDS]}
 */
public final class EnrichBenchMain {

  private EnrichBenchMain() {
  }

  public static void main(String[] args) throws RunnerException, IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    long chars;
    try {
      chars = EnrichBenchmark.corpusChars();
    } catch (IllegalArgumentException e) {
      System.err.println("EnrichBenchMain: " + e.getMessage() + "; pass -Dbench.corpus=FILE.jsonl, a JSON Lines"
          + " file of texts (e.g. a labelled eval file), or leave it out to run on the sample page");
      System.exit(2);
      return;
    }
    String corpus = System.getProperty("bench.corpus");
    List<Double> ratios = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      double full = run("fullEnrichment", corpus) * chars;
      double plain = run("hanlpSegmentation", corpus) * chars;
      ratios.add(full / plain);
      lines.add(String.format(Locale.ROOT,
          "round %d: full enrichment %,.0f chars/s, HanLP segmentation %,.0f chars/s, ratio %.3f",
          round, full, plain, full / plain));
    }
    System.out.println();
    System.out.println("corpus: " + (corpus == null ? "the sample page" : corpus) + ", " + chars
        + " chars per pass, one thread" + (Boolean.getBoolean("bench.learnedKeywords")
        ? ", keywords by the learned ranker" : ""));
    lines.forEach(System.out::println);
    List<Double> sorted = new ArrayList<>(ratios);
    sorted.sort(null);
    System.out.printf(Locale.ROOT, "median ratio (full enrichment / HanLP segmentation): %.3f over %d rounds%n",
        sorted.get(sorted.size() / 2), rounds);
  }

  /** Mean ops/s (corpus passes per second) of one benchmark method in one fork. */
  private static double run(String method, String corpus) throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    options.include(EnrichBenchmark.class.getName() + "\\." + method + "$")
        .forks(1)
        .warmupIterations(4)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(4)
        .measurementTime(TimeValue.seconds(2))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    if (corpus != null) {
      options.jvmArgsAppend("-Dbench.corpus=" + corpus);
    }
    if (Boolean.getBoolean("bench.learnedKeywords")) {
      options.jvmArgsAppend("-Dbench.learnedKeywords=true");
    }
    Options built = options.build();
    Collection<RunResult> results = new Runner(built).run();
    double score = results.iterator().next().getPrimaryResult().getScore();
    System.out.printf(Locale.ROOT, "  %s: %.2f passes/s%n", method, score);
    return score;
  }
}
