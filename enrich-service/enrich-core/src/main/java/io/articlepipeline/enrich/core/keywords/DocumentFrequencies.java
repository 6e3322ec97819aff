package io.articlepipeline.enrich.core.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Background document frequencies of words and phrases: how many documents of a reference
 * corpus contain each. Rare phrases make better keywords than everyday words.
 * File format (gzip, UTF-8): first line {@code #docs N}, then {@code phrase TAB df}.
 */
public final class DocumentFrequencies {

  private final Map<String, Integer> df;
  private final int documents;

  public DocumentFrequencies(Map<String, Integer> df, int documents) {
    this.df = df;
    this.documents = documents;
  }

  /** Loads a table from the class path; null when the resource is absent. */
  public static DocumentFrequencies fromResource(String name) {
    InputStream in = DocumentFrequencies.class.getResourceAsStream(name);
    if (in == null) {
      return null;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
        StandardCharsets.UTF_8))) {
      Map<String, Integer> map = new HashMap<>();
      int docs = 1;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#docs")) {
          docs = Integer.parseInt(line.substring(6).trim());
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab > 0) {
          map.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
        }
      }
      return new DocumentFrequencies(map, docs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read document frequencies " + name, e);
    }
  }

  /** Smoothed inverse document frequency of a (lower-case analysis form) phrase. */
  public double idf(String phrase) {
    Integer n = df.get(phrase);
    return Math.log((documents + 1.0) / ((n == null ? 0 : n) + 1.0)) + 1.0;
  }

  /** The largest value {@link #idf} can return (an unseen phrase). */
  public double maxIdf() {
    return Math.log(documents + 1.0) + 1.0;
  }

  /** Raw document frequency (0 when unseen). */
  public int df(String phrase) {
    Integer n = df.get(phrase);
    return n == null ? 0 : n;
  }

  public int documents() {
    return documents;
  }
}
