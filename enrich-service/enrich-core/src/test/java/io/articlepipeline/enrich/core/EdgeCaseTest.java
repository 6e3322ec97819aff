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

  // Pages as large as ingest accepts (2 MiB) that are one long run of a pattern's repeated group:
  // Java's regex engine recurses once per repetition, and these overflowed the stack.

  @Test
  void aPageThatIsOneLongRunOfCapitalisedWordsIsEnriched() {
    String page = "Acme Points Light ".repeat(35_000);
    Enrichment e = Shared.ENRICHER.enrich(new EnrichmentRequest(null, page, "en"));
    assertThat(e.language()).isEqualTo("en");
    String names = "Acme Foundation and ".repeat(30_000);
    assertThat(Shared.ENRICHER.enrich(new EnrichmentRequest(null, names, "en")).organizations())
        .extracting(Organization::name).contains("Acme Foundation");
  }

  @Test
  void anAddressOfHundredsOfThousandsOfLabelsIsEnriched() {
    String page = "Write to a@" + "b.".repeat(300_000) + "c about the Acme Foundation.";
    assertThat(Shared.ENRICHER.enrich(new EnrichmentRequest(null, page, "en")).organizations())
        .extracting(Organization::name).contains("Acme Foundation");
  }
}
