package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexTokensTest {

  @Test
  void traditionalQueryGivesTheSameTokensAsSimplified() {
    assertThat(Shared.ENRICHER.indexTokens("慈善總會志願服務"))
        .isEqualTo(Shared.ENRICHER.indexTokens("慈善总会志愿服务"));
  }

  @Test
  void fullWidthAndCaseAreNormalised() {
    assertThat(Shared.ENRICHER.indexTokens("ＲＥＤ Cross")).containsExactly("red", "cross");
  }

  @Test
  void punctuationIsDropped() {
    assertThat(Shared.ENRICHER.indexTokens("志愿服务,“防汛”。")).doesNotContain(",", "“", "”", "。");
  }

  @Test
  void emptyTextGivesNoTokens() {
    assertThat(Shared.ENRICHER.indexTokens("")).isEmpty();
    assertThat(Shared.ENRICHER.indexTokens(null)).isEmpty();
  }
}
