package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The curated gazetteer can be left out (EvalMain --no-curated); confidences are probabilities. */
class CuratedListTest {

  private static List<String> names(ArticleEnricher enricher, String text) {
    return enricher.enrich(new EnrichmentRequest(null, text, "zh")).organizations().stream()
        .map(Organization::name).toList();
  }

  @Test
  void aNameOnlyTheCuratedListKnowsIsFoundWithItAndNotWithout() {
    // 儿慈会 (China Children's Charity Foundation) is in org-gazetteer-curated.tsv only
    String text = "本次活动得到儿慈会的大力支持。";
    assertThat(names(Shared.ENRICHER, text)).contains("儿慈会");
    assertThat(names(ArticleEnrichers.load(null, false, false), text)).doesNotContain("儿慈会");
  }

  @Test
  void confidencesAreCalibratedProbabilitiesNotTheFixedRawScores() {
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest(null,
        "青岛市慈善总会和中国红十字会总会联合举办活动,北京大学志愿者参加。", "zh"));
    assertThat(e.organizations()).isNotEmpty();
    for (Organization o : e.organizations()) {
      assertThat(o.confidence()).isStrictlyBetween(0.0, 1.0);
      // raw gazetteer, rule and source scores are 0.9, 0.6 and 0.7; the calibrated table has 4 decimals
      assertThat(o.confidence()).isNotIn(0.9, 0.6, 0.7);
    }
  }
}
