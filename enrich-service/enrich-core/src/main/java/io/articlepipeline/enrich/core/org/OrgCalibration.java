package io.articlepipeline.enrich.core.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a tagger's raw score for a name into the probability that the name is right: one
 * monotone step function per source of the name ({@code model}, {@code model+place},
 * {@code gazetteer}, {@code rule}, {@code source}, {@code english}, …), fitted by isotonic
 * regression (pool adjacent violators) on names found in sentences held out of training
 * (enrich-tools {@code TrainOrgModel} writes {@code org-calibration.tsv}). A source without a function
 * of its own uses the one of its base source (the part before '+'), else {@code *}, the
 * precision of all names. Immutable.
 *
 * <p>File format: lines {@code source TAB upper-bound-of-raw-score TAB probability TAB count};
 * the steps of one source in ascending order; '#' starts a comment.
 */
public final class OrgCalibration {

  /** The fallback function's name. */
  public static final String ANY = "*";

  /** No calibration: the raw score is returned. */
  public static final OrgCalibration IDENTITY = new OrgCalibration(Map.of());

  private record Steps(double[] upper, double[] probability) {
  }

  private final Map<String, Steps> steps;

  private OrgCalibration(Map<String, Steps> steps) {
    this.steps = steps;
  }

  /** Probability for a raw score of a name from {@code source}. */
  public double probability(String source, double raw) {
    Steps s = steps.get(source);
    if (s == null) {
      int plus = source.indexOf('+');
      s = plus > 0 ? steps.get(source.substring(0, plus)) : null;
    }
    if (s == null) {
      s = steps.get(ANY);
    }
    if (s == null) {
      return raw;
    }
    int i = Arrays.binarySearch(s.upper, raw);
    if (i < 0) {
      i = Math.min(-i - 1, s.upper.length - 1);
    }
    return s.probability[i];
  }

  /** The span with its confidence replaced by the calibrated probability. */
  public OrgSpan apply(OrgSpan span) {
    if (steps.isEmpty()) {
      return span;
    }
    return new OrgSpan(span.start(), span.end(), probability(span.source(), span.confidence()), span.source());
  }

  /** Reads the shipped table; a missing resource gives {@link #IDENTITY}. */
  public static OrgCalibration fromResource(String resource) {
    InputStream in = OrgCalibration.class.getResourceAsStream(resource);
    if (in == null) {
      return IDENTITY;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read organization calibration " + resource, e);
    }
  }

  public static OrgCalibration parse(List<String> lines) {
    Map<String, List<double[]>> rows = new TreeMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t");
      rows.computeIfAbsent(p[0], k -> new ArrayList<>())
          .add(new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
    }
    Map<String, Steps> steps = new HashMap<>();
    for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
      List<double[]> r = e.getValue();
      r.sort((a, b) -> Double.compare(a[0], b[0]));
      double[] upper = new double[r.size()];
      double[] prob = new double[r.size()];
      for (int i = 0; i < r.size(); i++) {
        upper[i] = r.get(i)[0];
        prob[i] = r.get(i)[1];
      }
      steps.put(e.getKey(), new Steps(upper, prob));
    }
    return new OrgCalibration(steps);
  }

  /** One observation for fitting: a name's source, raw score and whether it was right. */
  public record Observation(String source, double raw, boolean correct) {
  }

  /**
   * Fits the table (see the class comment): a step function for each source with at least
   * {@code minCount} observations; a source with fewer gets one constant, its precision shrunk
   * towards the overall one as if ten more names at the overall precision had been seen (a
   * derived source such as {@code model+place} with fewer is left to its base source's
   * function); {@link #ANY}, for sources never observed, is the overall precision.
   */
  public static List<String> fit(List<Observation> observations, int minCount) {
    Map<String, List<Observation>> bySource = new TreeMap<>();
    int right = 0;
    for (Observation o : observations) {
      bySource.computeIfAbsent(o.source(), k -> new ArrayList<>()).add(o);
      right += o.correct() ? 1 : 0;
    }
    double overall = (right + 1.0) / (observations.size() + 2.0);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s\t1e9\t%.4f\t%d", ANY, overall, observations.size()));
    for (Map.Entry<String, List<Observation>> e : bySource.entrySet()) {
      List<Observation> obs = e.getValue();
      if (obs.size() >= minCount) {
        lines.addAll(isotonic(e.getKey(), obs));
      } else if (e.getKey().indexOf('+') < 0) {
        long r = obs.stream().filter(Observation::correct).count();
        lines.add(String.format(Locale.ROOT, "%s\t1e9\t%.4f\t%d", e.getKey(), (r + 10 * overall) / (obs.size() + 10),
            obs.size()));
      }
    }
    return lines;
  }

  /**
   * Pool adjacent violators over the observations sorted by raw score: blocks of equal raw
   * scores, merged while a block's rate is not above its left neighbour's; each block's
   * probability is (right + 1) / (count + 2), so a small block never says 0 or 1.
   */
  static List<String> isotonic(String source, List<Observation> observations) {
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort((a, b) -> Double.compare(a.raw(), b.raw()));
    // blocks: upper bound, right, count
    List<double[]> blocks = new ArrayList<>();
    for (Observation o : sorted) {
      double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      if (last != null && last[0] == o.raw()) {
        last[1] += o.correct() ? 1 : 0;
        last[2]++;
      } else {
        blocks.add(new double[] {o.raw(), o.correct() ? 1 : 0, 1});
      }
      while (blocks.size() >= 2) {
        double[] b = blocks.get(blocks.size() - 1);
        double[] a = blocks.get(blocks.size() - 2);
        if (a[1] / a[2] < b[1] / b[2]) {
          break;
        }
        a[0] = b[0];
        a[1] += b[1];
        a[2] += b[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    List<String> lines = new ArrayList<>();
    double floor = 0;
    for (int i = 0; i < blocks.size(); i++) {
      double[] b = blocks.get(i);
      // the smoothing can undo the order of two neighbours of different sizes: keep it monotone
      floor = Math.max(floor, (b[1] + 1) / (b[2] + 2));
      // the last step covers every higher score too
      double upper = i == blocks.size() - 1 ? 1e9 : b[0];
      lines.add(String.format(Locale.ROOT, "%s\t%s\t%.4f\t%d", source, upper == 1e9 ? "1e9" : Double.toString(upper),
          floor, (int) b[2]));
    }
    return lines;
  }
}
