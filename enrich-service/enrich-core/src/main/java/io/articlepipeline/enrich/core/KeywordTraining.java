package io.articlepipeline.enrich.core;

import java.util.Map;

/** Access for the keyword-ranker trainer to what the enrich stage's ranker sees. */
public final class KeywordTraining {

  private KeywordTraining() {
  }

  /** Candidate phrase (lower-case analysis form) -> ranking features, as in {@code enrich}. */
  public static Map<String, double[]> candidateFeatures(ArticleEnricher enricher, EnrichmentRequest request) {
    if (!(enricher instanceof DefaultArticleEnricher d)) {
      throw new IllegalArgumentException("not an enricher made by ArticleEnrichers.load");
    }
    return d.keywordFeatures(request);
  }
}
