package io.articlepipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexTokensTest {

  private static final IndexTokens TOKENS = IndexTokens.plain();

  @Test
  void traditionalQueryGivesTheSameTokensAsSimplified() {
    assertThat(TOKENS.of("慈善總會志願服務"))
        .isEqualTo(TOKENS.of("慈善总会志愿服务"));
  }

  @Test
  void fullWidthAndCaseAreNormalised() {
    assertThat(TOKENS.of("ＲＥＤ Cross")).containsExactly("red", "cross");
  }

  @Test
  void punctuationIsDropped() {
    assertThat(TOKENS.of("志愿服务,“防汛”。")).doesNotContain(",", "“", "”", "。");
  }

  @Test
  void emptyTextGivesNoTokens() {
    assertThat(TOKENS.of("")).isEmpty();
    assertThat(TOKENS.of(null)).isEmpty();
  }

  @Test
  void contentMaskKeepsOnlyTokensOfContentLines() {
    java.util.List<Token> tokens = java.util.List.of(new Token("首页", "n", 0, 2), new Token(">", "w", 3, 4),
        new Token("志愿", "vn", 5, 7), new Token("服务", "vn", 7, 9));
    boolean[] content = new boolean[10];
    for (int i = 5; i < 10; i++) {
      content[i] = true;
    }
    assertThat(IndexTokens.of(tokens, content)).containsExactly("志愿", "服务");
    assertThat(IndexTokens.of(tokens, null)).containsExactly("首页", "志愿", "服务");
  }
}
