package io.articlepipeline.enrich.core.keywords;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How often a phrase is chosen as a keyword, from a keyword-labelled corpus of headlines: per
 * phrase (lower-case analysis form) the number of documents that list it as a keyword, the number
 * whose text contains it, and the number that do both. File format (gzip, UTF-8): first line
 * {@code #docs N}, then {@code phrase TAB chosen TAB appears TAB both}.
 */
public final class KeyphrasenessPrior {

  /** chosen, appears, both. */
  private final Map<String, int[]> counts;
  private final int documents;

  /** Per character: [both, appears] summed over the table's phrases that start (end) with it. */
  private final int[][] firstChar = new int[2][Character.MAX_VALUE + 1];
  private final int[][] lastChar = new int[2][Character.MAX_VALUE + 1];
  private final double firstMean;
  private final double lastMean;

  public KeyphrasenessPrior(Map<String, int[]> counts, int documents) {
    this.counts = counts;
    this.documents = documents;
    long both = 0;
    long appears = 0;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String k = e.getKey();
      int[] c = e.getValue();
      if (k.isEmpty() || c[1] == 0) {
        continue;
      }
      firstChar[0][k.charAt(0)] += c[2];
      firstChar[1][k.charAt(0)] += c[1];
      lastChar[0][k.charAt(k.length() - 1)] += c[2];
      lastChar[1][k.charAt(k.length() - 1)] += c[1];
      both += c[2];
      appears += c[1];
    }
    firstMean = lastMean = (both + 1.0) / (appears + 1.0);
  }

  /**
   * How much likelier than the average phrase of the table one starting with {@code first}
   * (ending with {@code last}) is chosen where it appears: log of the smoothed ratio, 0 for a
   * character the table has not seen; {@code out[0]} first, {@code out[1]} last.
   */
  public void edgeCharacters(char first, char last, double[] out, int at) {
    out[at] = edgeLogRatio(firstChar[0][first], firstChar[1][first], firstMean);
    out[at + 1] = edgeLogRatio(lastChar[0][last], lastChar[1][last], lastMean);
  }

  private static double edgeLogRatio(int both, int appears, double mean) {
    // ten pseudo-appearances at the table's mean rate
    return Math.log((both + 10 * mean) / (appears + 10.0) / mean);
  }

  /** Loads a table from the class path; null when the resource is absent. */
  public static KeyphrasenessPrior fromResource(String name) {
    InputStream in = KeyphrasenessPrior.class.getResourceAsStream(name);
    if (in == null) {
      return null;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
        StandardCharsets.UTF_8))) {
      Map<String, int[]> map = new HashMap<>(1 << 17);
      int docs = 1;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#docs")) {
          docs = Integer.parseInt(line.substring(6).trim());
          continue;
        }
        String[] f = line.split("\t");
        if (f.length == 4) {
          map.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])});
        }
      }
      return new KeyphrasenessPrior(map, docs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keyphraseness table " + name, e);
    }
  }

  /** Writes the table in the format {@link #fromResource} reads, phrases in order. */
  public void write(Path out) throws IOException {
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
      w.write("#docs " + documents + "\n");
      for (Map.Entry<String, int[]> e : new TreeMap<>(counts).entrySet()) {
        int[] c = e.getValue();
        w.write(e.getKey() + "\t" + c[0] + "\t" + c[1] + "\t" + c[2] + "\n");
      }
    }
  }

  /** The counts of a phrase (chosen, appears, both), or null when the table does not know it. */
  public int[] counts(String phrase) {
    return counts.get(phrase);
  }

  public int size() {
    return counts.size();
  }

  public int documents() {
    return documents;
  }

  /**
   * Smoothed share of the documents containing the phrase that chose it as a keyword:
   * (both + 0.5) / (appears + 2); 0.25 for a phrase that never appears in a text.
   */
  public static double keyphraseness(int[] c) {
    return (c[2] + 0.5) / (c[1] + 2.0);
  }
}
