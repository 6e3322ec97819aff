package io.articlepipeline.enrich.core.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.enrich.core.text.Segmenter;
import io.articlepipeline.enrich.core.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {

  private static List<String> runs(String text) {
    List<Token> tokens = Segmenter.plain().segment(text);
    List<String> out = new ArrayList<>();
    KeywordExtractor.repeatedRuns(text, tokens, null, (s, e, key, words, first, last) -> out.add(key));
    return out;
  }

  @Test
  void recurringRunWithVerbTagsBecomesCandidate() {
    // HanLP tags 筹募/v 会/v: the tag rules alone never offer the whole name
    String text = "公益慈善项目筹募会在拉萨举行。本次公益慈善项目筹募会共募集善款。";
    assertThat(runs(text)).contains("公益慈善项目筹募会");
  }

  @Test
  void runSeenOnceIsNotOffered() {
    assertThat(runs("公益慈善项目筹募会在拉萨举行。")).isEmpty();
  }

  @Test
  void singleGluedCharacterIsNotAWordOfItsOwn() {
    assertThat(KeywordExtractor.isGlue(new Token("瓷", "ng", 0, 1))).isTrue();
    assertThat(KeywordExtractor.isGlue(new Token("的", "ude1", 0, 1))).isFalse();
    assertThat(KeywordExtractor.isGlue(new Token("个", "q", 0, 1))).isFalse();
    assertThat(KeywordExtractor.isGlue(new Token("慈善", "n", 0, 2))).isFalse();
  }

  @Test
  void nestedVariantsOfOnePhraseAreCounted() {
    List<String> chosen = List.of("留守儿童", "留守儿童关爱", "关爱工程", "慈善总会");
    assertThat(KeywordExtractor.nestedFamily("留守儿童关爱工程", chosen)).isEqualTo(3);
    assertThat(KeywordExtractor.nestedFamily("志愿服务", chosen)).isZero();
  }

  @Test
  void noPhraseStartsAtOrRunsThroughANumbersMeasureWord() {
    String text = "共有单位109名爱心人士参加。2017年第一季度集中开工。";
    List<Token> tokens = Segmenter.plain().segment(text);
    List<String> out = new ArrayList<>();
    KeywordExtractor.candidates(text, tokens, null, (s, e, key, words, first, last) -> out.add(key));
    assertThat(out).contains("爱心人士").noneMatch(k -> k.contains("名") || k.startsWith("年"));
  }
}
