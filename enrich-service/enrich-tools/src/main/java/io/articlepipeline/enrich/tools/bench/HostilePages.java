package io.articlepipeline.enrich.tools.bench;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The enrichment of pages built to be slow or to break it, each as large as asked (ingest takes
 * bodies up to 2 MiB, some 700,000 Chinese characters): one character repeated, thousands of
 * names in a list, in lines, behind an unclosed 《, as source lines or datelines, English runs of
 * capitalised words or names, an address of hundreds of thousands of labels, random characters.
 * Prints each page's wall time and what came out; a pass over the page per name, or a regex that
 * recurses per repetition, shows as a time growing with the square of the size or as an error.
 * {@code java -cp benchmarks.jar ...HostilePages [CHARS]} (default 600,000).
 */
public final class HostilePages {

  private static final String HAN = "安宝春德恩福刚海和华惠吉嘉金锦康乐丽林龙美明宁平琪庆荣瑞善盛顺泰天婷伟文祥欣新信兴秀雅阳怡永勇友宇玉元悦云泽振志智忠";

  private HostilePages() {
  }

  public static void main(String[] args) {
    int chars = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    ArticleEnricher enricher = ArticleEnrichers.load(null);
    Random random = new Random(1);
    Map<String, IntFunction<String>> pages = new LinkedHashMap<>();
    pages.put("one character", n -> repeat("慈", n));
    pages.put("list of companies", n -> numbered(n, i -> name(i) + "公司、") + "等家企业");
    pages.put("names and short forms", n -> numbered(n, i -> "中华" + name(i) + "慈善基金会宣布," + name(i) + "慈善基金会捐款。\n"));
    pages.put("unclosed titles", n -> repeat("《中华慈善总会", n));
    pages.put("one name a line", n -> repeat("中华慈善总会\n", n));
    pages.put("source lines", n -> repeat("来源:中华慈善总会\n", n));
    pages.put("datelines", n -> repeat("新华社北京3月2日电", n));
    pages.put("quotes", n -> repeat("“慈善”", n));
    pages.put("random characters", n -> {
      StringBuilder b = new StringBuilder(n);
      while (b.length() < n) {
        b.append(HAN.charAt(random.nextInt(HAN.length())));
      }
      return b.toString();
    });
    pages.put("English names", n -> numbered(n, i -> "Acme" + latin(i) + " Foundation and "));
    pages.put("English workforces", n -> numbered(n, i -> "the Acme" + latin(i) + " employees, "));
    pages.put("capitalised run", n -> repeat("Acme Points Light ", n));
    pages.put("address labels", n -> "a@" + repeat("b.", n) + "c");
    pages.put("at signs", n -> repeat("a@", n));
    for (Map.Entry<String, IntFunction<String>> page : pages.entrySet()) {
      String text = page.getValue().apply(chars);
      long started = System.nanoTime();
      String result;
      try {
        Enrichment e = enricher.enrich(new EnrichmentRequest(null, text, null));
        result = e.organizations().size() + " organizations, " + e.keywords().size() + " keywords";
      } catch (RuntimeException | StackOverflowError e) {
        result = "FAILED: " + e;
      }
      System.out.printf(Locale.ROOT, "%-22s %,9d chars %7.2f s  %s%n", page.getKey(), text.length(),
          (System.nanoTime() - started) / 1e9, result);
    }
  }

  private static String repeat(String unit, int chars) {
    return unit.repeat(Math.max(1, chars / unit.length()));
  }

  private static String numbered(int chars, IntFunction<String> unit) {
    StringBuilder b = new StringBuilder(chars + 64);
    for (int i = 0; b.length() < chars; i++) {
      b.append(unit.apply(i));
    }
    return b.toString();
  }

  /** Two Han characters, different for each i (up to the square of the alphabet). */
  private static String name(int i) {
    return "" + HAN.charAt(i % HAN.length()) + HAN.charAt(i / HAN.length() % HAN.length());
  }

  /** Lower-case letters, different for each i. */
  private static String latin(int i) {
    return Integer.toString(i, 26).chars().mapToObj(c -> String.valueOf((char) (c <= '9' ? c - '0' + 'q' : c)))
        .reduce("", String::concat);
  }
}
