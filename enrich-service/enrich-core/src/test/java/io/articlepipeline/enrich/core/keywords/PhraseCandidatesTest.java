package io.articlepipeline.enrich.core.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.text.Segmenter;
import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseCandidatesTest {

  private static List<String> runs(String text) {
    List<Token> tokens = Segmenter.plain().segment(text);
    List<String> out = new ArrayList<>();
    PhraseCandidates.repeatedRuns(text, tokens, null, (s, e, key, words, first, last) -> out.add(key));
    return out;
  }

  @Test
  void recurringRunWithVerbTagsBecomesCandidate() {
    // HanLP tags 筹募/v 会/v: the tag rules alone never offer the whole name
    String text = "公益慈善项目筹募会在拉萨举行。本次公益慈善项目筹募会共募集善款。";
    assertThat(runs(text)).contains("公益慈善项目筹募会");
  }

  @Test
  void aLocativeGluedToTheParticleEndsThePhrase() {
    // HanLP segments 系统/中的/应用 with 中的 as a verb: no phrase may end on it or run through it
    String text = "无线通信技术在温室测控系统中的应用研究。温室测控系统中的应用研究";
    List<String> candidates = new ArrayList<>();
    PhraseCandidates.candidates(text, Segmenter.plain().segment(text), null,
        (s, e, key, words, first, last) -> candidates.add(key));
    assertThat(candidates).contains("温室测控系统", "应用研究").noneMatch(k -> k.contains("中的"));
    assertThat(runs(text)).noneMatch(k -> k.contains("中的"));
  }

  @Test
  void runSeenOnceIsNotOffered() {
    assertThat(runs("公益慈善项目筹募会在拉萨举行。")).isEmpty();
  }

  @Test
  void singleGluedCharacterIsNotAWordOfItsOwn() {
    assertThat(PhraseCandidates.isGlue(new Token("瓷", "ng", 0, 1))).isTrue();
    assertThat(PhraseCandidates.isGlue(new Token("的", "ude1", 0, 1))).isFalse();
    assertThat(PhraseCandidates.isGlue(new Token("个", "q", 0, 1))).isFalse();
    assertThat(PhraseCandidates.isGlue(new Token("慈善", "n", 0, 2))).isFalse();
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
    PhraseCandidates.candidates(text, tokens, null, (s, e, key, words, first, last) -> out.add(key));
    assertThat(out).contains("爱心人士").noneMatch(k -> k.contains("名") || k.startsWith("年"));
  }

  @Test
  void cachedTokenPropertiesAgreeWithTheRules() {
    String text = "2017年第一季度,西藏自治区慈善总会在拉萨举行“中华慈善日”筹募会。共有109名爱心人士、"
        + "17家企业参加!吉林大学校长李元元、主席林致华出席。Red Cross volunteers 3 人 的 了 在 和 与 及 很 也 ...... 斜拉桥主塔施工质量监理。这个项目有3个项目,每家企业、17家企业。";
    List<Token> tokens = Segmenter.plain().segment(text);
    for (int round = 0; round < 2; round++) { // the second round reads the per-tag cache
      int[] flags = PhraseCandidates.flags(tokens);
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        int f = flags[i];
        assertThat((f & PhraseCandidates.PUNCT) != 0).as(t.toString()).isEqualTo(t.isPunctuation());
        assertThat((f & PhraseCandidates.CAN_START) != 0).as(t.toString()).isEqualTo(PhraseCandidates.canStart(t));
        assertThat((f & PhraseCandidates.LOOSE_START) != 0).as(t.toString()).isEqualTo(PhraseCandidates.looseStart(t));
        assertThat((f & PhraseCandidates.GLUE) != 0).as(t.toString()).isEqualTo(PhraseCandidates.isGlue(t));
        assertThat((f & PhraseCandidates.NOUNY) != 0).as(t.toString())
            .isEqualTo(PhraseCandidates.isNounLike(t) || t.pos().equals("vn"));
        assertThat((f & PhraseCandidates.EDGE) != 0).as(t.toString())
            .isEqualTo(PhraseCandidates.EDGE_WORDS.contains(t.word()));
        assertThat((f & PhraseCandidates.BOUND_SINGLE) != 0).as(t.toString())
            .isEqualTo(PhraseCandidates.boundSingle(tokens, i));
        if (i > 0) {
          assertThat((f & PhraseCandidates.CAN_END) != 0).as(t.toString())
              .isEqualTo(PhraseCandidates.canEnd(t, tokens.get(i - 1)));
        }
      }
    }
  }

  @Test
  void aMeasureWordEndsAPhraseOnlyWhenNoNumberPrecedesIt() {
    // the same tag and shape after a number and after a word: the cache keeps them apart
    List<Token> tokens = List.of(new Token("项目", "n", 0, 2), new Token("3", "m", 2, 3),
        new Token("个", "q", 3, 4), new Token("个", "q", 4, 5), new Token("次", "q", 5, 6));
    int[] flags = PhraseCandidates.flags(tokens);
    assertThat(flags[2] & PhraseCandidates.CAN_END).isZero();
    assertThat(flags[3] & PhraseCandidates.CAN_END).isNotZero();
    assertThat(flags[4] & PhraseCandidates.CAN_END).isNotZero();
    assertThat(flags[2] & PhraseCandidates.BOUND_SINGLE).isNotZero();
    assertThat(flags[3] & PhraseCandidates.BOUND_SINGLE).isZero();
  }

  private static List<String> candidates(String text) {
    List<String> out = new ArrayList<>();
    PhraseCandidates.candidates(text, Segmenter.plain().segment(text), null,
        (s, e, key, words, first, last) -> out.add(key));
    return out;
  }

  @Test
  void noPhraseRunsFromATitleIntoTheNameAfterIt() {
    // HanLP leaves 李 and 林 alone after 校长 and 主席: 吉林大学校长李 is half a name
    assertThat(candidates("吉林大学校长李元元、卓越金融主席林致华出席开幕式。"))
        .contains("吉林大学", "开幕式")
        .noneMatch(k -> k.contains("校长李") || k.contains("主席林") || k.startsWith("李") || k.startsWith("林"));
  }

  @Test
  void datesAreNeitherKeywordsNorPartsOfOne() {
    assertThat(candidates("新华社北京9月23日电 2016年12月3日下午,慈善基金会举行开幕式。"))
        .contains("开幕式").noneMatch(k -> k.matches(".*\\d.*"));
  }
}
