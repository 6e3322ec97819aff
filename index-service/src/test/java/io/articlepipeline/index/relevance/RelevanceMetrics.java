package io.articlepipeline.index.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** nDCG@k (graded, exponential gain) and reciprocal rank of the first top-grade article. */
public final class RelevanceMetrics {

  private RelevanceMetrics() {
  }

  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  public static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
    int top = grades.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int i = 0; i < ranked.size(); i++) {
      if (grades.getOrDefault(ranked.get(i), 0) == top) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
