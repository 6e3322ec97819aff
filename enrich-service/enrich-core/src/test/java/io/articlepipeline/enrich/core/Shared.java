package io.articlepipeline.enrich.core;

/** One enricher for all tests: loading resources once keeps the suite fast. */
final class Shared {

  static final ArticleEnricher ENRICHER = ArticleEnrichers.load(null);

  private Shared() {
  }
}
