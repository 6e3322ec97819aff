package io.articlepipeline.enrich.app;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.core.PageFields;
import java.util.List;
import java.util.function.Function;

/**
 * An enricher whose answers the test decides, so a test exercises the stage's own logic; index
 * tokens are the text itself and page fields are empty.
 */
final class FixedEnricher implements ArticleEnricher {

  private final Function<EnrichmentRequest, Enrichment> answer;

  FixedEnricher(Function<EnrichmentRequest, Enrichment> answer) {
    this.answer = answer;
  }

  @Override
  public Enrichment enrich(EnrichmentRequest request) {
    return answer.apply(request);
  }

  @Override
  public List<String> indexTokens(String text) {
    return List.of(text);
  }

  @Override
  public PageFields pageFields(String rawPage) {
    return new PageFields(null, null, null, null);
  }
}
