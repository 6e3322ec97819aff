package io.articlepipeline.enrich.core;

import java.util.List;

/**
 * Enriches articles: cleanup, segmentation, organizations, keywords. Implementations are
 * thread-safe and do no I/O per call.
 */
public interface ArticleEnricher {

  /** Analyses one article. Never returns null; an empty or unanalysable text gives empty lists. */
  Enrichment enrich(EnrichmentRequest request);

  /**
   * Index tokens for any text (a query, a title): the same normalisation and segmentation as
   * {@link Enrichment#bodyTokens()}, so a Traditional query matches Simplified text.
   */
  List<String> indexTokens(String text);

  /** Fields and clean body of a pasted page (used by ingest for text/plain submissions). */
  PageFields pageFields(String rawPage);
}
