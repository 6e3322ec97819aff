package io.articlepipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

  private static final Segmenter SEGMENTER = Segmenter.plain();

  @Test
  void tokensCarryOffsetsIntoTheTextAndNeverSpanALineBreak() {
    String text = "郑州市志愿服务队\n开展防汛救援";
    List<Token> tokens = SEGMENTER.segment(text);
    for (Token t : tokens) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.word());
      assertThat(t.word()).doesNotContain("\n");
    }
    assertThat(tokens).extracting(Token::word).contains("志愿", "防汛");
  }

  @Test
  void aVeryLongLineIsCutAfterASentenceEnd() {
    String sentence = "志愿者们在社区开展防汛救援培训。";
    String line = sentence.repeat(2000 / sentence.length() + 5);
    int cut = Segmenter.cut(line, 0);
    assertThat(cut).isLessThanOrEqualTo(Segmenter.MAX_SPAN);
    assertThat(line.charAt(cut - 1)).isEqualTo('。');
  }

  @Test
  void aLongLineWithoutSentenceEndsIsCutAtACommaElseAtTheLimit() {
    String clause = "志愿者们在社区开展防汛救援培训,";
    assertThat(clause.repeat(200).charAt(Segmenter.cut(clause.repeat(200), 0) - 1)).isEqualTo(',');
    assertThat(Segmenter.cut("志".repeat(5000), 0)).isEqualTo(Segmenter.MAX_SPAN);
  }

  @Test
  void aPageOfOneLongLineIsSegmentedWholeInPiecesEveryWordIntact() {
    String sentence = "郑州市上街区新时代文明实践中心组织志愿者开展防汛救援。";
    String line = sentence.repeat(300); // 8,100 characters, no line break
    List<Token> tokens = SEGMENTER.segment(line);
    int covered = 0;
    for (Token t : tokens) {
      assertThat(t.start()).isEqualTo(covered); // in order, nothing dropped, nothing twice
      covered = t.end();
    }
    assertThat(covered).isEqualTo(line.length());
    assertThat(tokens.stream().filter(t -> t.word().equals("防汛")).count()).isEqualTo(300);
  }
}
