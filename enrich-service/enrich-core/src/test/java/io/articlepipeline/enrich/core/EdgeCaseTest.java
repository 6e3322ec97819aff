package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeCaseTest {

  @Test
  void emptyArticleGivesEmptyLists() {
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest(null, null, null));
    assertThat(e.keywords()).isEmpty();
    assertThat(e.organizations()).isEmpty();
    assertThat(e.bodyTokens()).isEmpty();
    assertThat(e.cleanBody()).isEmpty();
    assertThat(e.version()).startsWith("enrich-core/");
  }

  @Test
  void punctuationOnlyArticleGivesEmptyLists() {
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest("", "。。。!!!\n---\n|||", "zh"));
    assertThat(e.keywords()).isEmpty();
    assertThat(e.organizations()).isEmpty();
  }

  @Test
  void givenLanguageIsKept() {
    assertThat(Shared.ENRICHER.enrich(new EnrichmentRequest(null, "慈善", "zh-Hant")).language())
        .isEqualTo("zh-Hant");
  }

  @Test
  void veryLongLineIsHandled() {
    String sentence = "北京市慈善协会联合多家爱心企业开展公益活动,帮助困难群众。";
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest(null, sentence.repeat(200), null));
    assertThat(e.organizations()).extracting(Organization::name).contains("北京市慈善协会");
  }
}
