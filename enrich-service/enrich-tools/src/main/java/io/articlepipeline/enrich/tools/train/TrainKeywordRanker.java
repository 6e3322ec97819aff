package io.articlepipeline.enrich.tools.train;

import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.enrich.tools.eval.JsonLines;
import io.articlepipeline.enrich.core.keywords.KeyphrasenessPrior;
import io.articlepipeline.enrich.core.keywords.KeywordExtractor;
import io.articlepipeline.enrich.core.keywords.KeywordFeatures;
import io.articlepipeline.enrich.core.keywords.KeywordRanker;
import io.articlepipeline.enrich.core.keywords.PhraseCandidates;
import io.articlepipeline.text.CharNormalizer;
import io.articlepipeline.text.Segmenter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Trains the keyword ranker: keyphraseness tables from keyword-labelled headlines and from
 * keyword-labelled texts, then a logistic model over {@link KeywordFeatures} of the extractor's
 * own candidates of those texts (the best {@link KeywordExtractor#RERANK} by the hand-weighted
 * score; label: the candidate's surface, NFKC + lower case, is a gold keyword; the texts' own
 * table enters leave-one-out). Deterministic (documents in file order, folds from a fixed seed,
 * damped Newton's method).
 *
 * <pre>
 * TrainKeywordRanker [--cv K] [--l2 L] TEXTS.jsonl HEADLINES.jsonl OUT_DIR
 *   writes OUT_DIR/keywords-prior-headlines.tsv.gz, OUT_DIR/keywords-prior-texts.tsv.gz and
 *   OUT_DIR/keywords-ranker.tsv
 * TrainKeywordRanker --cv K ... : K-fold cross-validated recall@10 on TEXTS (folds by document,
 *   through the extractor's real selection), beside the hand-weighted score's; writes nothing
 * </pre>
 */
public final class TrainKeywordRanker {

  static final String PRIOR_FILE = "keywords-prior-headlines.tsv.gz";
  static final String DOMAIN_FILE = "keywords-prior-texts.tsv.gz";
  static final String RANKER_FILE = "keywords-ranker.tsv";
  /** Headline phrases that are never a keyword enter the table when they appear this often. */
  static final int MIN_APPEARS = 3;
  /** Chosen by cross-validation on the abstracts (1, 10, 100, 300, 1000: 0.282-0.289, best 100). */
  static final double DEFAULT_L2 = 100.0;
  static final long SEED = 20261205L;

  private TrainKeywordRanker() {
  }

  public static void main(String[] args) throws IOException {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command; returns the exit code (2: wrong arguments or a missing file, nothing done). */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    int folds = 0;
    double l2 = DEFAULT_L2;
    List<String> rest = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--cv")) {
          folds = Integer.parseInt(args[++i]);
        } else if (args[i].equals("--l2")) {
          l2 = Double.parseDouble(args[++i]);
        } else {
          rest.add(args[i]);
        }
      }
    } catch (RuntimeException e) {
      rest.clear();
    }
    if (rest.size() != 3 || folds == 1 || folds < 0) {
      err.println("usage: TrainKeywordRanker [--cv K] [--l2 L] TEXTS.jsonl HEADLINES.jsonl OUT_DIR");
      return 2;
    }
    Path texts = Path.of(rest.get(0));
    Path headlines = Path.of(rest.get(1));
    Path outDir = Path.of(rest.get(2));
    if (!Files.isRegularFile(texts)) {
      err.println("TrainKeywordRanker: " + texts + ": no such file; pass TEXTS.jsonl, keyword-labelled texts"
          + " ({\"text\", \"keywords\"} per line, e.g. keywords-train/csl-like-kw-train.jsonl)");
      return 2;
    }
    if (!Files.isRegularFile(headlines)) {
      err.println("TrainKeywordRanker: " + headlines + ": no such file; pass HEADLINES.jsonl, keyword-labelled"
          + " headlines ({\"text\", \"keywords\"} per line, e.g. keywords-train/news-titles-kw-train.jsonl)");
      return 2;
    }
    if (folds == 0 && !Files.isDirectory(outDir)) {
      err.println("TrainKeywordRanker: " + outDir + ": no such directory; pass OUT_DIR, where the table and"
          + " the model go (e.g. enrich-service/enrich-core/src/main/resources/enrich-core)");
      return 2;
    }
    List<Map<String, Object>> headlineDocs;
    List<Map<String, Object>> textDocs;
    try {
      headlineDocs = labelled(headlines);
      textDocs = labelled(texts);
    } catch (IllegalArgumentException e) {
      err.println("TrainKeywordRanker: " + e.getMessage());
      return 2;
    }
    KeyphrasenessPrior prior = buildPrior(headlineDocs, Segmenter.plain());
    out.println("keyphraseness table: " + prior.size() + " phrases from " + prior.documents() + " headlines");
    KeyphrasenessPrior domain = buildPrior(textDocs, Segmenter.plain());
    out.println("keyphraseness table: " + domain.size() + " phrases from " + domain.documents() + " texts");
    Function<EnrichmentRequest, KeywordExtractor.Candidates> source = ArticleEnrichers.keywordCandidates(prior, domain);
    Data data = candidates(textDocs, source, domain, KeywordFeatures.DOMAIN);
    out.println("candidates: " + data.rows() + " (" + data.positives() + " gold) in " + textDocs.size()
        + " texts; gold keywords among the candidates "
        + String.format(Locale.ROOT, "%.3f", (double) data.goldFound() / Math.max(1, data.goldTotal())));
    if (folds > 0) {
      double[] r = crossValidate(data, folds, l2);
      out.println(String.format(Locale.ROOT, "%d-fold cross-validated recall@10=%.3f (hand-weighted score %.3f)",
          folds, r[0], r[1]));
      return 0;
    }
    KeywordRanker ranker = fit(data, all(data.docs.size()), l2);
    prior.write(outDir.resolve(PRIOR_FILE));
    domain.write(outDir.resolve(DOMAIN_FILE));
    try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve(RANKER_FILE), StandardCharsets.UTF_8)) {
      ranker.write(w, "keyword ranker: logistic regression (L2 " + l2 + ") made by TrainKeywordRanker from "
          + texts.getFileName() + " (" + textDocs.size() + " texts, " + data.rows() + " candidates) and "
          + headlines.getFileName() + " (" + headlineDocs.size() + " headlines)");
    }
    out.println("wrote " + outDir.resolve(PRIOR_FILE) + ", " + outDir.resolve(DOMAIN_FILE) + " and "
        + outDir.resolve(RANKER_FILE));
    return 0;
  }

  /** The lines of a file, each with a string text and a list of string keywords. */
  static List<Map<String, Object>> labelled(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (JsonLines.Line line : JsonLines.read(file)) {
      Map<String, Object> d = line.object();
      if (!(d.get("text") instanceof String) || !(d.get("keywords") instanceof List<?> k)
          || k.stream().anyMatch(x -> !(x instanceof String))) {
        throw new IllegalArgumentException(file + ":" + line.number()
            + ": expected a string \"text\" and a list of strings \"keywords\"");
      }
      docs.add(d);
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static List<String> keywords(Map<String, Object> doc) {
    return (List<String>) doc.get("keywords");
  }

  /**
   * A keyphraseness table: every keyword (two characters or more) and every candidate phrase the
   * extractor's rules find that at least {@link #MIN_APPEARS} texts contain, with how many texts
   * list it as a keyword, contain it, and both.
   */
  static KeyphrasenessPrior buildPrior(List<Map<String, Object>> docs, Segmenter segmenter) {
    Map<String, int[]> counts = new HashMap<>();
    Set<String> candidates = new HashSet<>();
    List<String> texts = new ArrayList<>(docs.size());
    List<Set<String>> golds = new ArrayList<>(docs.size());
    for (Map<String, Object> d : docs) {
      String text = CharNormalizer.normalize((String) d.get("text"));
      Set<String> gold = new HashSet<>();
      for (String k : keywords(d)) {
        String g = CharNormalizer.normalizeLower(k.strip());
        if (g.length() >= 2) {
          gold.add(g);
        }
      }
      for (String g : gold) {
        counts.computeIfAbsent(g, x -> new int[3])[0]++;
      }
      PhraseCandidates.candidates(text, segmenter.segment(text), null,
          (s, e, key, w, first, last) -> candidates.add(key));
      texts.add(text.toLowerCase(Locale.ROOT));
      golds.add(gold);
    }
    for (String k : candidates) {
      counts.computeIfAbsent(k, x -> new int[3]);
    }
    int longest = 0;
    for (String k : counts.keySet()) {
      longest = Math.max(longest, k.length());
    }
    for (int d = 0; d < texts.size(); d++) {
      String t = texts.get(d);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < t.length(); i++) {
        for (int j = i + 2; j <= t.length() && j - i <= longest; j++) {
          String s = t.substring(i, j);
          if (counts.containsKey(s)) {
            seen.add(s);
          }
        }
      }
      for (String s : seen) {
        int[] c = counts.get(s);
        c[1]++;
        if (golds.get(d).contains(s)) {
          c[2]++;
        }
      }
    }
    counts.values().removeIf(c -> !known(c));
    return new KeyphrasenessPrior(counts, docs.size());
  }

  /** What the table keeps: a phrase chosen as a keyword, or appearing in enough texts. */
  static boolean known(int[] c) {
    return c[0] > 0 || c[1] >= MIN_APPEARS;
  }

  /** Training rows: per text its candidates (for selection), feature rows and labels. */
  static final class Data {
    final List<KeywordExtractor.Candidates> docs = new ArrayList<>();
    final List<boolean[]> labels = new ArrayList<>();
    final List<Set<String>> gold = new ArrayList<>();
    int goldFound;
    /** The first this many documents are the texts (cross-validated); the rest always train. */
    int texts;

    int rows() {
      int n = 0;
      for (KeywordExtractor.Candidates c : docs) {
        n += c.size();
      }
      return n;
    }

    int positives() {
      int n = 0;
      for (boolean[] l : labels) {
        for (boolean b : l) {
          n += b ? 1 : 0;
        }
      }
      return n;
    }

    int goldTotal() {
      int n = 0;
      for (Set<String> g : gold) {
        n += g.size();
      }
      return n;
    }

    int goldFound() {
      return goldFound;
    }
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /**
   * The candidates of the texts and their labels. The texts' own table ({@code domain}, built
   * from these texts) is applied leave-one-out: each text's features count only the other texts.
   */
  static Data candidates(List<Map<String, Object>> docs,
      Function<EnrichmentRequest, KeywordExtractor.Candidates> source, KeyphrasenessPrior domain, int at) {
    Data data = new Data();
    for (Map<String, Object> d : docs) {
      Set<String> gold = new LinkedHashSet<>();
      Set<String> tableGold = new HashSet<>();
      for (String k : keywords(d)) {
        gold.add(fold(k));
        tableGold.add(CharNormalizer.normalizeLower(k.strip()));
      }
      String lower = CharNormalizer.normalize((String) d.get("text")).toLowerCase(Locale.ROOT);
      KeywordExtractor.Candidates c = source.apply(new EnrichmentRequest((String) d.get("title"),
          (String) d.get("text"), (String) d.get("lang")));
      boolean[] label = new boolean[c.size()];
      Set<String> found = new HashSet<>();
      for (int i = 0; i < c.size(); i++) {
        String s = fold(c.surface(i));
        label[i] = gold.contains(s);
        if (label[i]) {
          found.add(s);
        }
        if (domain != null) {
          String key = c.key(i);
          int[] all = domain.counts(key);
          int[] other = null;
          if (all != null) {
            boolean chosen = tableGold.contains(key);
            boolean appears = lower.contains(key);
            other = new int[] {all[0] - (chosen ? 1 : 0), all[1] - (appears ? 1 : 0),
                all[2] - (chosen && appears ? 1 : 0)};
            if (!known(other)) {
              other = null;
            }
          }
          KeywordFeatures.table(other, c.features(i), at);
        }
      }
      data.goldFound += found.size();
      data.docs.add(c);
      data.labels.add(label);
      data.gold.add(gold);
    }
    data.texts = data.docs.size();
    return data;
  }

  private static int[] all(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * Logistic regression on the candidates of the given texts, as a correction of the
   * hand-weighted score: its log enters the logit with weight 1 (an offset) and the learned
   * weights add to that; features standardised, L2 penalty {@code l2} on every learned weight but
   * the bias (so without evidence a feature keeps the hand score's view of it, e.g. the title,
   * which the abstracts lack), Newton's method to convergence; the weights returned apply to raw
   * features.
   */
  static KeywordRanker fit(Data data, int[] docs, double l2) {
    int d = KeywordFeatures.COUNT;
    int n = 0;
    double[] mean = new double[d];
    for (int doc : docs) {
      KeywordExtractor.Candidates c = data.docs.get(doc);
      for (int i = 0; i < c.size(); i++) {
        double[] x = c.features(i);
        for (int j = 0; j < d; j++) {
          mean[j] += x[j];
        }
        n++;
      }
    }
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, n);
    }
    for (int doc : docs) {
      KeywordExtractor.Candidates c = data.docs.get(doc);
      for (int i = 0; i < c.size(); i++) {
        double[] x = c.features(i);
        for (int j = 0; j < d; j++) {
          sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]);
        }
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / Math.max(1, n));
      if (sd[j] < 1e-9) {
        sd[j] = 0; // constant in these texts: weight 0
      }
    }
    int m = d + 1; // weights then bias
    double[] w = new double[m];
    double[] z = new double[m];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[m];
      double[][] hess = new double[m][m];
      for (int doc : docs) {
        KeywordExtractor.Candidates c = data.docs.get(doc);
        boolean[] y = data.labels.get(doc);
        for (int i = 0; i < c.size(); i++) {
          standardise(c.features(i), mean, sd, z);
          double s = c.features(i)[0]; // offset: the log hand-weighted score, weight 1
          for (int j = 0; j < m; j++) {
            s += w[j] * z[j];
          }
          double p = KeywordRanker.sigmoid(s);
          double r = p - (y[i] ? 1 : 0);
          double v = Math.max(p * (1 - p), 1e-12);
          for (int j = 0; j < m; j++) {
            if (z[j] == 0) {
              continue;
            }
            grad[j] += r * z[j];
            double vz = v * z[j];
            for (int k = j; k < m; k++) {
              hess[j][k] += vz * z[k];
            }
          }
        }
      }
      for (int j = 0; j < m; j++) {
        for (int k = 0; k < j; k++) {
          hess[j][k] = hess[k][j];
        }
        if (j < d) {
          grad[j] += l2 * w[j];
          hess[j][j] += l2;
        }
      }
      double[] step = solve(hess, grad);
      // damped: halve the step until the penalised loss does not rise
      double before = loss(data, docs, w, mean, sd, l2);
      double[] next = new double[m];
      double scale = 1;
      for (int half = 0; half < 40; half++, scale /= 2) {
        for (int j = 0; j < m; j++) {
          next[j] = w[j] - scale * step[j];
        }
        if (loss(data, docs, next, mean, sd, l2) <= before) {
          break;
        }
      }
      double max = 0;
      for (int j = 0; j < m; j++) {
        max = Math.max(max, Math.abs(next[j] - w[j]));
        w[j] = next[j];
      }
      if (max < 1e-7) {
        break;
      }
    }
    double[] raw = new double[d];
    raw[0] = 1.0; // the offset
    double bias = w[d];
    for (int j = 0; j < d; j++) {
      if (sd[j] > 0) {
        raw[j] += w[j] / sd[j];
        bias -= w[j] * mean[j] / sd[j];
      }
    }
    return new KeywordRanker(bias, raw);
  }

  /** The penalised negative log-likelihood of {@link #fit}. */
  private static double loss(Data data, int[] docs, double[] w, double[] mean, double[] sd, double l2) {
    int m = w.length;
    double[] z = new double[m];
    double loss = 0;
    for (int doc : docs) {
      KeywordExtractor.Candidates c = data.docs.get(doc);
      boolean[] y = data.labels.get(doc);
      for (int i = 0; i < c.size(); i++) {
        standardise(c.features(i), mean, sd, z);
        double s = c.features(i)[0];
        for (int j = 0; j < m; j++) {
          s += w[j] * z[j];
        }
        // log(1 + exp(-s)) for gold, log(1 + exp(s)) otherwise, without overflow
        double t = y[i] ? -s : s;
        loss += t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
      }
    }
    for (int j = 0; j < m - 1; j++) {
      loss += 0.5 * l2 * w[j] * w[j];
    }
    return loss;
  }

  private static void standardise(double[] x, double[] mean, double[] sd, double[] z) {
    int d = x.length;
    for (int j = 0; j < d; j++) {
      z[j] = sd[j] > 0 ? (x[j] - mean[j]) / sd[j] : 0;
    }
    z[d] = 1;
  }

  /** Solves a x = b for a symmetric positive definite a (Gaussian elimination, partial pivoting). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
      if (m[i][i] == 0) {
        m[i][i] = 1; // an unused (constant) feature: its step is 0
      }
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] t = m[col];
      m[col] = m[piv];
      m[piv] = t;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        if (f != 0) {
          for (int k = col; k <= n; k++) {
            m[r][k] -= f * m[col][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = m[i][n];
      for (int k = i + 1; k < n; k++) {
        s -= m[i][k] * x[k];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }

  /**
   * Recall@10 of the ranker fitted without each fold on that fold's texts, and of the
   * hand-weighted score, both through the extractor's selection of 15 (top 10 counted, as
   * {@code EvalMain keywords}).
   */
  static double[] crossValidate(Data data, int folds, double l2) {
    int n = data.texts;
    int[] order = all(n);
    Random random = new Random(SEED);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[order[i]] = i % folds;
    }
    int found = 0;
    int foundHand = 0;
    int gold = 0;
    for (int f = 0; f < folds; f++) {
      List<Integer> train = new ArrayList<>();
      for (int i = 0; i < data.docs.size(); i++) {
        if (i >= n || fold[i] != f) {
          train.add(i);
        }
      }
      KeywordRanker ranker = fit(data, train.stream().mapToInt(Integer::intValue).toArray(), l2);
      for (int i = 0; i < n; i++) {
        if (fold[i] != f) {
          continue;
        }
        KeywordExtractor.Candidates c = data.docs.get(i);
        double[] learned = new double[c.size()];
        double[] hand = new double[c.size()];
        for (int k = 0; k < c.size(); k++) {
          learned[k] = ranker.logit(c.features(k));
          hand[k] = c.features(k)[0];
        }
        found += hits(c.select(learned, 15), data.gold.get(i));
        foundHand += hits(c.select(hand, 15), data.gold.get(i));
        gold += data.gold.get(i).size();
      }
    }
    return new double[] {(double) found / Math.max(1, gold), (double) foundHand / Math.max(1, gold)};
  }

  /** Gold keywords among the first ten keywords. */
  static int hits(List<Keyword> keywords, Set<String> gold) {
    Set<String> top = new HashSet<>();
    for (int i = 0; i < keywords.size() && i < 10; i++) {
      top.add(fold(keywords.get(i).text()));
    }
    int n = 0;
    for (String g : gold) {
      if (top.contains(g)) {
        n++;
      }
    }
    return n;
  }
}
