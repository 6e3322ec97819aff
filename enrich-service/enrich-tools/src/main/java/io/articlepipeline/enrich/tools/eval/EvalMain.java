package io.articlepipeline.enrich.tools.eval;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.enrich.core.Organization;
import io.articlepipeline.text.SoftWraps;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Offline evaluation of exactly the enrich stage's code.
 *
 * <pre>
 * EvalMain orgs FILE.jsonl      precision/recall/F1 of distinct organization strings per document
 * EvalMain keywords FILE.jsonl  recall@10 / precision@10 after NFKC + lower case
 * EvalMain reliability FILE.jsonl  organization confidence in ten bins: names, mean confidence,
 *                                 observed precision (the names scored as by orgs)
 * </pre>
 * Options (anywhere): {@code -v} prints per-document misses (for development, contents of eval
 * files only); {@code --no-curated} leaves the hand-written gazetteer out (what the model, the
 * training-derived list and the rules find on pages the list was not written for);
 * {@code --learned-ranker} orders keywords by the learned ranker instead of the hand-weighted score;
 * {@code --hard-wrap COLUMNS} cuts every line of each text at that many display columns first (Han
 * and full-width characters two), as text copied from a PDF or an e-mail comes (the gold names,
 * printed without the breaks, still count).
 */
public final class EvalMain {

  private EvalMain() {
  }

  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean verbose = rest.remove("-v");
    boolean noCurated = rest.remove("--no-curated");
    boolean learned = rest.remove("--learned-ranker");
    int wrap = 0;
    int at = rest.indexOf("--hard-wrap");
    if (at >= 0) {
      try {
        wrap = Integer.parseInt(at + 1 < rest.size() ? rest.get(at + 1) : "");
      } catch (NumberFormatException e) {
        wrap = -1;
      }
      rest.subList(at, Math.min(at + 2, rest.size())).clear();
    }
    if (rest.size() != 2 || !List.of("orgs", "keywords", "reliability").contains(rest.get(0)) || wrap < 0
        || at >= 0 && wrap < 2) {
      System.out.println("usage: EvalMain [-v] [--no-curated] [--learned-ranker] [--hard-wrap COLUMNS]"
          + " orgs|keywords|reliability FILE.jsonl");
      System.exit(2);
      return;
    }
    List<Map<String, Object>> docs;
    try {
      docs = read(Path.of(rest.get(1)), rest.get(0).equals("keywords") ? "keywords" : "orgs");
    } catch (IllegalArgumentException e) {
      System.err.println("eval: " + e.getMessage() + "; pass a labelled JSON Lines file, a text and its "
          + rest.get(0) + " per line");
      System.exit(2);
      return;
    }
    if (wrap > 0) {
      // each page as a PDF or an e-mail would copy it, its lines cut at that many columns
      for (Map<String, Object> d : docs) {
        d.put("text", SoftWraps.hardWrap((String) d.get("text"), wrap));
      }
    }
    ArticleEnricher enricher = ArticleEnrichers.load(null, !noCurated, learned);
    PrintStream out = System.out;
    if (rest.get(0).equals("orgs")) {
      out.println(orgs(enricher, docs, verbose ? out : null).summary());
    } else if (rest.get(0).equals("reliability")) {
      out.print(reliability(enricher, docs, 10).table());
    } else {
      out.println(keywords(enricher, docs, verbose ? out : null).summary());
    }
  }

  /**
   * The documents of an eval file; every line needs a string {@code text} and a list of strings
   * named after the task ({@code orgs} or {@code keywords}); {@code title} and {@code lang}, when
   * present, are strings or null. Anything else fails with the file and line.
   */
  static List<Map<String, Object>> read(Path file, String task) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (JsonLines.Line line : JsonLines.read(file)) {
      Map<String, Object> doc = line.object();
      String where = file + ":" + line.number() + ": ";
      if (!(doc.get("text") instanceof String)) {
        throw new IllegalArgumentException(where + "\"text\" must be a string");
      }
      for (String optional : List.of("title", "lang")) {
        if (doc.get(optional) != null && !(doc.get(optional) instanceof String)) {
          throw new IllegalArgumentException(where + "\"" + optional + "\" must be a string or null");
        }
      }
      if (!(doc.get(task) instanceof List<?> gold) || gold.stream().anyMatch(g -> !(g instanceof String))) {
        throw new IllegalArgumentException(where + "\"" + task + "\" must be a list of strings (eval " + task
            + " reads lines with \"text\" and \"" + task + "\")");
      }
      docs.add(doc);
    }
    return docs;
  }

  static Enrichment enrich(ArticleEnricher enricher, Map<String, Object> doc) {
    return enricher.enrich(new EnrichmentRequest((String) doc.get("title"), (String) doc.get("text"),
        (String) doc.get("lang")));
  }

  /** Distinct predicted strings against distinct gold strings, exact match, micro-averaged. */
  public static OrgScore orgs(ArticleEnricher enricher, List<Map<String, Object>> docs, PrintStream log) {
    OrgScore score = new OrgScore();
    for (Map<String, Object> doc : docs) {
      Set<String> gold = new LinkedHashSet<>(strings(doc.get("orgs")));
      Set<String> predicted = new LinkedHashSet<>();
      for (Organization o : enrich(enricher, doc).organizations()) {
        predicted.add(o.name());
      }
      int hit = 0;
      for (String p : predicted) {
        if (gold.contains(p)) {
          hit++;
        }
      }
      score.add(hit, predicted.size(), gold.size());
      if (log != null && (hit < gold.size() || hit < predicted.size())) {
        Set<String> missed = new LinkedHashSet<>(gold);
        missed.removeAll(predicted);
        Set<String> wrong = new LinkedHashSet<>(predicted);
        wrong.removeAll(gold);
        log.println(doc.get("id") + "\tmissed=" + missed + "\twrong=" + wrong);
      }
    }
    return score;
  }

  /**
   * Reliability of the organization confidence: every distinct predicted name of a document (as
   * scored by {@link #orgs}) goes into the bin of its confidence ({@code bins} equal bins of 0..1);
   * per bin the count, the mean confidence and the share that is a gold name.
   */
  public static Reliability reliability(ArticleEnricher enricher, List<Map<String, Object>> docs, int bins) {
    Reliability r = new Reliability(bins);
    for (Map<String, Object> doc : docs) {
      Set<String> gold = new LinkedHashSet<>(strings(doc.get("orgs")));
      Set<String> seen = new LinkedHashSet<>();
      for (Organization o : enrich(enricher, doc).organizations()) {
        if (seen.add(o.name())) {
          r.add(o.confidence(), gold.contains(o.name()));
        }
      }
    }
    return r;
  }

  /** Counts per confidence bin. */
  public static final class Reliability {
    final int[] count;
    final int[] right;
    final double[] confidence;

    Reliability(int bins) {
      count = new int[bins];
      right = new int[bins];
      confidence = new double[bins];
    }

    void add(double c, boolean correct) {
      int b = Math.min(count.length - 1, Math.max(0, (int) (c * count.length)));
      count[b]++;
      right[b] += correct ? 1 : 0;
      confidence[b] += c;
    }

    /** Expected calibration error: the count-weighted mean |mean confidence - precision|. */
    public double expectedCalibrationError() {
      int total = 0;
      double error = 0;
      for (int b = 0; b < count.length; b++) {
        total += count[b];
        if (count[b] > 0) {
          error += Math.abs(confidence[b] - right[b]);
        }
      }
      return total == 0 ? 0 : error / total;
    }

    public String table() {
      StringBuilder sb = new StringBuilder("confidence\tnames\tmean confidence\tprecision\n");
      int total = 0;
      int totalRight = 0;
      double totalConfidence = 0;
      for (int b = 0; b < count.length; b++) {
        total += count[b];
        totalRight += right[b];
        totalConfidence += confidence[b];
        sb.append(String.format(Locale.ROOT, "%.1f-%.1f\t%d\t%s\t%s%n", (double) b / count.length,
            (double) (b + 1) / count.length, count[b],
            count[b] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", confidence[b] / count[b]),
            count[b] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right[b] / count[b])));
      }
      sb.append(String.format(Locale.ROOT, "all\t%d\t%.3f\t%.3f%n", total,
          total == 0 ? 0 : totalConfidence / total, total == 0 ? 0 : (double) totalRight / total));
      sb.append(String.format(Locale.ROOT, "ece=%.3f%n", expectedCalibrationError()));
      return sb.toString();
    }
  }

  /** A gold keyword counts when it equals one of the top 10 predictions after NFKC + lower case. */
  public static KeywordScore keywords(ArticleEnricher enricher, List<Map<String, Object>> docs,
      PrintStream log) {
    KeywordScore score = new KeywordScore();
    for (Map<String, Object> doc : docs) {
      List<String> gold = new ArrayList<>();
      for (String g : strings(doc.get("keywords"))) {
        gold.add(fold(g));
      }
      List<String> top = new ArrayList<>();
      for (Keyword k : enrich(enricher, doc).keywords()) {
        if (top.size() == 10) {
          break;
        }
        top.add(fold(k.text()));
      }
      int found = 0;
      for (String g : gold) {
        if (top.contains(g)) {
          found++;
        }
      }
      int correct = 0;
      for (String p : new LinkedHashSet<>(top)) {
        if (gold.contains(p)) {
          correct++;
        }
      }
      score.add(found, gold.size(), correct, top.size());
      if (log != null) {
        List<String> missed = new ArrayList<>(gold);
        missed.removeAll(top);
        log.println(doc.get("id") + "\tmissed=" + missed + "\ttop=" + top);
      }
    }
    return score;
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object v) {
    return v == null ? List.of() : (List<String>) v;
  }

  /** Micro-averaged counts. */
  public static final class OrgScore {
    int correct;
    int predicted;
    int gold;

    void add(int c, int p, int g) {
      correct += c;
      predicted += p;
      gold += g;
    }

    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public String summary() {
      return String.format(Locale.ROOT, "precision=%.3f recall=%.3f f1=%.3f", precision(), recall(), f1());
    }
  }

  /** Recall and precision at 10, micro-averaged over all gold keywords and predictions. */
  public static final class KeywordScore {
    int found;
    int gold;
    int correct;
    int predicted;

    void add(int f, int g, int c, int p) {
      found += f;
      gold += g;
      correct += c;
      predicted += p;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) found / gold;
    }

    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public String summary() {
      return String.format(Locale.ROOT, "recall@10=%.3f precision@10=%.3f", recall(), precision());
    }
  }
}
