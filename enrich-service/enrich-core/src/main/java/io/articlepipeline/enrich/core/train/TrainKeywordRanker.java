package io.articlepipeline.enrich.core.train;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.core.KeywordTraining;
import io.articlepipeline.enrich.core.eval.Json;
import io.articlepipeline.enrich.core.keywords.KeywordExtractor;
import io.articlepipeline.enrich.core.text.CharNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the keyword candidate ranker (logistic regression over the extractor's candidate
 * features) from JSON Lines files with gold {@code keywords}, reports a 2-fold
 * cross-validated recall@10 per file, and writes the weights trained on all files.
 * {@code TrainKeywordRanker OUT_FILE FILE.jsonl...}
 */
public final class TrainKeywordRanker {

  private TrainKeywordRanker() {
  }

  record Doc(String file, Map<String, double[]> candidates, Set<String> gold, int goldCount) {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.out.println("usage: TrainKeywordRanker OUT_FILE FILE.jsonl...");
      System.exit(2);
    }
    ArticleEnricher enricher = ArticleEnrichers.load(null);
    List<Doc> docs = new ArrayList<>();
    for (int a = 1; a < args.length; a++) {
      for (String line : Files.readAllLines(Path.of(args[a]), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> d = Json.object(line);
        Map<String, double[]> c = KeywordTraining.candidateFeatures(enricher, new EnrichmentRequest(
            (String) d.get("title"), (String) d.get("text"), (String) d.get("lang")));
        if (c.isEmpty()) {
          continue;
        }
        Set<String> gold = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<String> g = (List<String>) d.get("keywords");
        for (String k : g) {
          gold.add(fold(k));
        }
        docs.add(new Doc(Path.of(args[a]).getFileName().toString(), c, gold, g.size()));
      }
    }
    // 2-fold cross-validation: honest estimate of what the trained ranker adds
    List<Doc> even = new ArrayList<>();
    List<Doc> odd = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      (i % 2 == 0 ? even : odd).add(docs.get(i));
    }
    double[] wEven = train(even);
    double[] wOdd = train(odd);
    Map<String, int[]> cv = new java.util.TreeMap<>();
    score(odd, wEven, cv);
    score(even, wOdd, cv);
    for (Map.Entry<String, int[]> e : cv.entrySet()) {
      System.out.printf(Locale.ROOT, "2-fold CV %s: recall@10=%.3f (Chinese docs)%n", e.getKey(),
          (double) e.getValue()[0] / e.getValue()[1]);
    }
    double[] w = train(docs);
    List<String> lines = new ArrayList<>();
    lines.add("# keyword ranker: logistic regression weights over KeywordExtractor features ("
        + KeywordExtractor.FEATURES + "), trained on " + docs.size() + " documents");
    for (double x : w) {
      lines.add(String.format(Locale.ROOT, "%.6f", x));
    }
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
    System.out.println("wrote " + args[0]);
  }

  private static void score(List<Doc> docs, double[] w, Map<String, int[]> out) {
    for (Doc d : docs) {
      List<String> top = KeywordExtractor.rank(d.candidates(), w, 10);
      int found = 0;
      for (String t : top) {
        if (d.gold().contains(fold(t))) {
          found++;
        }
      }
      int[] s = out.computeIfAbsent(d.file(), k -> new int[2]);
      s[0] += found;
      s[1] += d.goldCount();
    }
  }

  static double[] train(List<Doc> docs) {
    int f = KeywordExtractor.FEATURES;
    double[] w = new double[f];
    List<double[]> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    for (Doc d : docs) {
      for (Map.Entry<String, double[]> e : d.candidates().entrySet()) {
        xs.add(e.getValue());
        ys.add(d.gold().contains(fold(e.getKey())));
      }
    }
    Random random = new Random(7);
    int n = xs.size();
    double positiveWeight = 8.0;
    double l2 = 1e-4;
    for (int epoch = 0; epoch < 30; epoch++) {
      double rate = 0.05 / (1 + epoch * 0.2);
      for (int s = 0; s < n; s++) {
        int i = random.nextInt(n);
        double[] x = xs.get(i);
        double z = 0;
        for (int k = 0; k < f; k++) {
          z += w[k] * x[k];
        }
        double p = 1 / (1 + Math.exp(-z));
        boolean y = ys.get(i);
        double g = (y ? 1 : 0) - p;
        double weight = y ? positiveWeight : 1.0;
        for (int k = 0; k < f; k++) {
          w[k] += rate * (weight * g * x[k] - l2 * w[k]);
        }
      }
    }
    return w;
  }

  static String fold(String s) {
    return CharNormalizer.normalizeLower(Normalizer.normalize(s, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
  }
}
