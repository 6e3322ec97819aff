package io.articlepipeline.enrich.core.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A logistic model over {@link KeywordFeatures}: logit = bias + weights . features, and the
 * probability that a candidate is one of the text's keywords is its sigmoid. File format (UTF-8
 * text): {@code #} comment lines, then {@code name TAB weight} per line, {@code bias} included;
 * every feature the code computes must be named, and no other.
 */
public final class KeywordRanker {

  private final double bias;
  private final double[] weights;

  public KeywordRanker(double bias, double[] weights) {
    if (weights.length != KeywordFeatures.COUNT) {
      throw new IllegalArgumentException("expected " + KeywordFeatures.COUNT + " weights, got " + weights.length);
    }
    this.bias = bias;
    this.weights = weights.clone();
  }

  /** Loads a model from the class path; null when the resource is absent. */
  public static KeywordRanker fromResource(String name) {
    InputStream in = KeywordRanker.class.getResourceAsStream(name);
    if (in == null) {
      return null;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(r, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keyword ranker " + name, e);
    }
  }

  /** Loads a model file. */
  public static KeywordRanker fromFile(java.nio.file.Path file) throws IOException {
    try (BufferedReader r = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    }
  }

  static KeywordRanker read(BufferedReader r, String name) throws IOException {
    Map<String, Double> byName = new HashMap<>();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(name + ": expected name TAB weight, got " + line);
      }
      byName.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1).trim()));
    }
    List<String> names = KeywordFeatures.NAMES;
    if (!byName.containsKey("bias") || byName.size() != names.size() + 1) {
      throw new IllegalArgumentException(name + ": a weight for bias and for each of " + names
          + " is needed, found " + byName.keySet());
    }
    double[] w = new double[names.size()];
    for (int i = 0; i < w.length; i++) {
      Double v = byName.get(names.get(i));
      if (v == null) {
        throw new IllegalArgumentException(name + ": no weight for feature " + names.get(i));
      }
      w[i] = v;
    }
    return new KeywordRanker(byName.get("bias"), w);
  }

  /** Writes the model in the format {@link #fromResource} reads. */
  public void write(Writer w, String comment) throws IOException {
    for (String c : comment.split("\n")) {
      w.write("# " + c + "\n");
    }
    w.write("bias\t" + String.format(Locale.ROOT, "%.6f", bias) + "\n");
    for (int i = 0; i < weights.length; i++) {
      w.write(KeywordFeatures.NAMES.get(i) + "\t" + String.format(Locale.ROOT, "%.6f", weights[i]) + "\n");
    }
  }

  public double logit(double[] features) {
    double s = bias;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i] * features[i];
    }
    return s;
  }

  public static double sigmoid(double logit) {
    return 1.0 / (1.0 + Math.exp(-logit));
  }

  public double bias() {
    return bias;
  }

  public double[] weights() {
    return weights.clone();
  }
}
