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

/** Queries with graded relevant articles, read from {@code relevance/judgments.tsv}. */
public record Judgments(String query, Map<String, Integer> grades) {

  public static List<Judgments> load() throws IOException {
    List<Judgments> out = new ArrayList<>();
    try (InputStream in = Judgments.class.getResourceAsStream("/relevance/judgments.tsv");
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
