package io.articlepipeline.index.relevance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queries with graded relevant articles: {@code relevance/judgments.tsv} over the repository's own
 * corpus, {@code relevance/judgments-dev.tsv} over the development articles (given with EVAL_DIR).
 */
public record Judgments(String query, Map<String, Integer> grades) {

  /** The judgments over the repository's own corpus and the sample page. */
  public static List<Judgments> load() throws IOException {
    return load("/relevance/judgments.tsv");
  }

  /** The judgments over the development articles and the sample page. */
  public static List<Judgments> loadDev() throws IOException {
    return load("/relevance/judgments-dev.tsv");
  }

  private static List<Judgments> load(String resource) throws IOException {
    List<Judgments> out = new ArrayList<>();
    try (InputStream in = Judgments.class.getResourceAsStream(resource);
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String g : parts[1].trim().split("\\s+")) {
          String[] kv = g.split("=");
          grades.put(kv[0], Integer.parseInt(kv[1]));
        }
        out.add(new Judgments(parts[0], grades));
      }
    }
    return out;
  }
}
