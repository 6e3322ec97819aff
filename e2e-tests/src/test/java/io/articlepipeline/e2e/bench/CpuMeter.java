package io.articlepipeline.e2e.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a phase's CPU went: each local process's CPU time (with its descendants, from /proc)
 * between {@link #start} and {@link #report}, per article, and the rate those costs allow when
 * every core of the machine works on nothing else. The benchmark's own JVM (the clients, the
 * searchable poller) is shown too, as it competes for the same cores.
 */
final class CpuMeter {

  private final Map<String, Long> pids;
  private final Map<String, Long> before = new LinkedHashMap<>();

  private CpuMeter(Map<String, Long> pids) {
    this.pids = pids;
  }

  /** Starts counting for the given processes (name -> pid) and this JVM. */
  static CpuMeter start(Map<String, Long> processes) {
    Map<String, Long> all = new LinkedHashMap<>(processes);
    all.put("bench client", ProcessHandle.current().pid());
    CpuMeter meter = new CpuMeter(all);
    all.forEach((name, pid) -> meter.before.put(name, Processes.treeCpuMillis(pid)));
    return meter;
  }

  /** CPU milliseconds per article since the start, by process; absent for a process gone or unreadable. */
  Map<String, Double> perArticle(int articles) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      long now = Processes.treeCpuMillis(e.getValue());
      long then = before.getOrDefault(e.getKey(), -1L);
      if (now >= 0 && then >= 0 && articles > 0) {
        out.put(e.getKey(), (now - then) / (double) articles);
      }
    }
    return out;
  }

  /** The pipeline's processes only (the benchmark's client left out). */
  static double pipelineTotal(Map<String, Double> perArticle) {
    return perArticle.entrySet().stream().filter(e -> !e.getKey().equals("bench client"))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** "name 0.12, name 0.34": each process's CPU milliseconds per item. */
  static String costs(Map<String, Double> cost) {
    StringBuilder sb = new StringBuilder();
    cost.forEach((name, ms) -> sb.append(sb.length() == 0 ? "" : ", ").append(name)
        .append(String.format(java.util.Locale.ROOT, " %.3f", ms)));
    return sb.toString();
  }

  /**
   * Prints each process's CPU per item since the start (for a stage or a baseline: which process
   * spent the cores on what it did).
   */
  void line(Report report, String what, int items) {
    Map<String, Double> cost = perArticle(items);
    if (!cost.isEmpty()) {
      report.line("CPU ms per %s: %s", what, costs(cost));
    }
  }

  /** Prints the costs per article and the ceiling they set on this machine's cores. */
  void report(Report report, String phase, int articles) {
    Map<String, Double> cost = perArticle(articles);
    if (cost.isEmpty()) {
      return;
    }
    double total = pipelineTotal(cost);
    int cores = Runtime.getRuntime().availableProcessors();
    report.line("CPU ms per article (%s, first request -> all searchable): %s", phase, costs(cost));
    report.line("pipeline total %.2f ms per article: %d cores busy with nothing else allow %s articles/s",
        total, cores, Report.rate(cores * 1000 / total));
    report.row("  " + phase + ": CPU per article", String.format(java.util.Locale.ROOT, "%.2f ms", total),
        "ceiling on " + cores + " cores", Report.rate(cores * 1000 / total) + "/s", "");
  }
}
