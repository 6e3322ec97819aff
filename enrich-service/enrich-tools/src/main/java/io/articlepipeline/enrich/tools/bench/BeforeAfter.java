package io.articlepipeline.enrich.tools.bench;

import io.articlepipeline.enrich.tools.eval.JsonLines;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two builds of enrich-core in one JVM, each in a class loader of its own, enriching the same
 * texts pass by pass in turn and timed in thread CPU time: a speed change measured as a ratio
 * that other tenants' load, which hits both alike, hardly moves (whole-run figures on this shared
 * machine swing by a fifth from one run to the next).
 *
 * <pre>
 * java -cp benchmarks.jar io.articlepipeline.enrich.tools.bench.BeforeAfter FILE.jsonl \
 *     BEFORE_CLASSPATH AFTER_CLASSPATH [ROUNDS]
 * </pre>
 * Each class path holds one build's classes and resources and the dependencies
 * ({@code target/classpath.txt}), separated by ':'.
 */
public final class BeforeAfter {

  private BeforeAfter() {
  }

  /** One build: its enricher and the requests, made by its own classes. */
  private static final class Build {
    final Object enricher;
    final Method enrich;
    final List<Object> requests = new ArrayList<>();
    long cpuNanos;
    long passes;

    Build(String classPath, List<Map<String, Object>> docs) throws Exception {
      List<URL> urls = new ArrayList<>();
      for (String entry : classPath.split(":")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> request = loader.loadClass("io.articlepipeline.enrich.core.EnrichmentRequest");
      enricher = loader.loadClass("io.articlepipeline.enrich.core.ArticleEnrichers").getMethod("load", Path.class)
          .invoke(null, (Path) null);
      enrich = loader.loadClass("io.articlepipeline.enrich.core.ArticleEnricher").getMethod("enrich", request);
      Constructor<?> make = request.getConstructor(String.class, String.class, String.class);
      for (Map<String, Object> d : docs) {
        requests.add(make.newInstance(d.get("title"), d.get("text"), null));
      }
    }

    void pass() throws Exception {
      for (Object r : requests) {
        enrich.invoke(enricher, r);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: BeforeAfter FILE.jsonl BEFORE_CLASSPATH AFTER_CLASSPATH [ROUNDS]");
      System.exit(2);
    }
    List<Map<String, Object>> docs;
    try {
      docs = JsonLines.objects(Path.of(args[0]));
    } catch (IllegalArgumentException e) {
      System.err.println("BeforeAfter: " + e.getMessage() + "; pass as FILE.jsonl a JSON Lines file of texts");
      System.exit(2);
      return;
    }
    long chars = 0;
    for (Map<String, Object> d : docs) {
      chars += ((String) d.get("text")).length();
    }
    Build before = new Build(args[1], docs);
    Build after = new Build(args[2], docs);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long warm = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < warm) {
      before.pass();
      after.pass();
    }
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (Build b : new Build[] {before, after}) {
        b.cpuNanos = 0;
        b.passes = 0;
      }
      long end = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < end) {
        for (Build b : new Build[] {before, after}) {
          long t0 = cpu.getCurrentThreadCpuTime();
          b.pass();
          b.cpuNanos += cpu.getCurrentThreadCpuTime() - t0;
          b.passes++;
        }
      }
      double a = before.passes * chars / (before.cpuNanos / 1e9);
      double b = after.passes * chars / (after.cpuNanos / 1e9);
      ratios.add(b / a);
      System.out.printf(Locale.ROOT, "round %d: before %,.0f chars/cpu-s, after %,.0f chars/cpu-s, after/before %.3f%n",
          round, a, b, b / a);
    }
    ratios.sort(null);
    System.out.printf(Locale.ROOT, "median after/before: %.3f over %d rounds%n", ratios.get(ratios.size() / 2), rounds);
  }
}
