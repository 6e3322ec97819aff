package io.articlepipeline.enrich.core.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Weights of the logistic keyword ranker: one number per line, '#' comments. */
public final class KeywordRanker {

  private KeywordRanker() {
  }

  /** The weights from a class-path resource, or null when it is absent. */
  public static double[] fromResource(String resource) {
    InputStream in = KeywordRanker.class.getResourceAsStream(resource);
    if (in == null) {
      return null;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Double> w = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          w.add(Double.parseDouble(line.split("\\s+")[0]));
        }
      }
      double[] out = new double[w.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = w.get(i);
      }
      return out.length == KeywordExtractor.FEATURES ? out : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keyword ranker " + resource, e);
    }
  }
}
