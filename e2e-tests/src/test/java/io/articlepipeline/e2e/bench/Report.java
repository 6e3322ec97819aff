package io.articlepipeline.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark prints: detail lines as each phase goes, then one summary table of every
 * figure with its baseline, the ratio, and the target beside it (information, never an
 * assertion: the machines are shared and noisy, compare ratios).
 */
final class Report {

  record Row(String what, String measured, String baseline, String ratio, String target) {
  }

  static final long MB = 1024 * 1024;

  private final List<Row> rows = new ArrayList<>();

  void section(String title) {
    System.out.println();
    System.out.println("== " + title);
  }

  void line(String format, Object... args) {
    System.out.println("  " + String.format(Locale.ROOT, format, args));
  }

  void row(String what, String measured, String baseline, String ratio, String target) {
    rows.add(new Row(what, cut(measured), cut(baseline), ratio, target));
  }

  /** A figure against its baseline: the row with the ratio measured / baseline. */
  void ratioRow(String what, double measured, String unit, String baselineName, double baseline, String target) {
    row(what, rate(measured) + " " + unit, baselineName + " " + rate(baseline) + " " + unit,
        baseline > 0 ? String.format(Locale.ROOT, "%.2fx", measured / baseline) : "-", target);
  }

  void summary(String run, Map<String, ResourceSampler.Peak> peaks) {
    section("summary, run " + run + " (targets of issue #13 beside the figures, for information)");
    int w0 = width(Row::what, "what");
    int w1 = width(Row::measured, "measured");
    int w2 = width(Row::baseline, "baseline");
    int w3 = width(Row::ratio, "ratio");
    String format = "  %-" + w0 + "s  %-" + w1 + "s  %-" + w2 + "s  %-" + w3 + "s  %s%n";
    System.out.printf(Locale.ROOT, format, "what", "measured", "baseline", "ratio", "target");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, format, r.what(), r.measured(), r.baseline(), r.ratio(), r.target());
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "  %-14s %-28s %-28s %s%n", "process", "peak RSS (phase)", "peak heap used (phase)",
        "target");
    for (Map.Entry<String, ResourceSampler.Peak> e : peaks.entrySet()) {
      ResourceSampler.Peak p = e.getValue();
      if (p.samples == 0) {
        System.out.printf(Locale.ROOT, "  %-14s not sampled (no pid or URL given)%n", e.getKey());
        continue;
      }
      boolean service = !e.getKey().equals("elasticsearch") && !e.getKey().equals("kafka");
      System.out.printf(Locale.ROOT, "  %-14s %-28s %-28s %s%n", e.getKey(), mb(p.rss, p.rssPhase),
          mb(p.heap, p.heapPhase), service ? "heap <= 512 MB" : "");
    }
  }

  private int width(java.util.function.Function<Row, String> column, String header) {
    return Math.max(header.length(), rows.stream().mapToInt(r -> column.apply(r).length()).max().orElse(0));
  }

  /** Table cells stay short: the detail lines above carry the whole message. */
  private static String cut(String cell) {
    return cell.length() > 60 ? cell.substring(0, 57) + "..." : cell;
  }

  static String rate(double perSecond) {
    return perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
        : String.format(Locale.ROOT, "%.1f", perSecond);
  }

  static String mb(long bytes, String phase) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%d MB (%s)", bytes / MB, phase);
  }

  /** Nearest-rank percentile of sorted values. */
  static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }

  /** "p50 x  p95 y  p99 z  max m (n=…)" of sorted milliseconds. */
  static String percentiles(long[] sortedMs) {
    if (sortedMs.length == 0) {
      return "no values";
    }
    return String.format(Locale.ROOT, "p50 %d  p95 %d  p99 %d  max %d ms (n=%d)", pct(sortedMs, 50), pct(sortedMs, 95),
        pct(sortedMs, 99), sortedMs[sortedMs.length - 1], sortedMs.length);
  }
}
