package io.articlepipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoftWrapsTest {

  /** A report hard-wrapped at 28 columns (14 Han characters), as a PDF or an e-mail copies it. */
  private static final String WRAPPED = String.join("\n",
      "本次公益活动由深圳市龙岗",
      "区慈善会主办,共有20名志愿者",
      "参加。活动中志愿者走访了中",
      "国红十字基金会和当地敬老院。",
      "编辑:张三");

  private static List<String> joined(String s) {
    return SoftWraps.breaks(s).stream().map(r -> s.substring(r[0] - 1, r[1] + 1)).toList();
  }

  @Test
  void aHardWrappedPageHasItsBreaksInsideSentencesFound() {
    // every break between two Han characters after a full-width line; not the one before 编辑:
    assertThat(joined(WRAPPED)).containsExactly("岗\n区", "者\n参", "中\n国");
  }

  @Test
  void analysisJoinsTheWrappedLinesAndReportsNamesAsPrinted() {
    AnalysisText text = AnalysisText.of(WRAPPED);
    assertThat(text.text()).isEqualTo(
        "本次公益活动由深圳市龙岗区慈善会主办,共有20名志愿者参加。活动中志愿者走访了中国红十字基金会和当地敬老院。\n编辑:张三");
    assertThat(text.lineWraps()).hasSize(3);
    assertThat(AnalysisText.of("深圳市龙岗区慈善会\n举行公益活动").lineWraps()).isEmpty();
    int at = text.text().indexOf("中国红十字基金会");
    assertThat(text.surfaceChars(at, at + 8)).isEqualTo("中国红十字基金会");
    assertThat(text.surfaceSpan(at, at + 8)).isEqualTo("中\n国红十字基金会");
    assertThat(WRAPPED.substring(text.surfaceOffset(at), text.surfaceEnd(at + 8))).isEqualTo("中\n国红十字基金会");
  }

  @Test
  void aPageTypedLineByLineKeepsEveryBreak() {
    // lines of different widths: a headline, a short line, paragraphs
    String typed = String.join("\n",
        "深圳市龙岗区慈善会举行公益活动",
        "记者 张三",
        "本次活动由深圳市龙岗区慈善会主办,共有20名志愿者参加",
        "活动中志愿者走访了敬老院");
    assertThat(SoftWraps.breaks(typed)).isEmpty();
    assertThat(AnalysisText.of(typed).text()).isEqualTo(typed);
  }

  @Test
  void aShortLineEndsItsParagraphEvenOnAWrappedPage() {
    String s = String.join("\n",
        "本次公益活动由深圳市龙岗",
        "区慈善会主办,共有20名志愿者",
        "参加",
        "活动中志愿者走访了中国红十",
        "字基金会和当地敬老院。");
    // 参加 (4 columns) ends where its writer ended it
    assertThat(joined(s)).containsExactly("岗\n区", "者\n参", "十\n字");
  }

  @Test
  void carriageReturnsBlankLinesIndentsAndLabelsAreNotWraps() {
    String crlf = WRAPPED.replace("\n", "\r\n");
    assertThat(SoftWraps.breaks(crlf)).hasSize(3);
    assertThat(AnalysisText.of(crlf).text()).endsWith("敬老院。\r\n编辑:张三");
    int[] first = SoftWraps.breaks(crlf).get(0);
    assertThat(crlf.substring(first[0], first[1])).isEqualTo("\r\n");
    assertThat(AnalysisText.of(crlf).text()).startsWith("本次公益活动由深圳市龙岗区慈善会主办");

    String paragraphs = "本次公益活动由深圳市龙岗\n\n区慈善会主办,共有20名志愿者\n  参加。活动中志愿者走访了中\n来源:新华网的记者报道";
    assertThat(SoftWraps.breaks(paragraphs)).isEmpty();
  }

  @Test
  void oneCandidateIsNoEvidenceOfWrapping() {
    assertThat(SoftWraps.breaks("深圳市龙岗区慈善会举行公益活动\n本次活动共有20名志愿者参加。")).isEmpty();
    assertThat(SoftWraps.breaks("")).isEmpty();
  }

  @Test
  void widthsCountHanAndFullWidthCharactersAsTwoColumns() {
    assertThat(SoftWraps.width("中国,AB。", 0, 6)).isEqualTo(2 + 2 + 1 + 1 + 1 + 2);
    assertThat(SoftWraps.commonWidth(List.of(20, 20, 19, 12))).isEqualTo(20);
    assertThat(SoftWraps.commonWidth(List.of(20, 30, 40))).isEqualTo(-1);
    assertThat(SoftWraps.commonWidth(List.of(21, 12, 19, 20, 20))).isEqualTo(21);
  }

  @Test
  void hardWrapCutsLinesAtTheColumnsAndAnalysisUndoesIt() {
    String page = "深圳市龙岗区慈善会举行公益活动\n本次公益活动由深圳市龙岗区慈善会主办,共有20名志愿者参加。"
        + "活动中志愿者走访了中国红十字基金会和当地敬老院。\n编辑:张三";
    String wrapped = SoftWraps.hardWrap(page, 28);
    assertThat(wrapped.replace("\n", "")).isEqualTo(page.replace("\n", ""));
    for (String line : wrapped.split("\n")) {
      assertThat(SoftWraps.width(line, 0, line.length())).isLessThanOrEqualTo(28);
    }
    assertThat(wrapped.split("\n")[2]).isEqualTo("本次公益活动由深圳市龙岗区慈");
    assertThat(AnalysisText.of(wrapped).text()).isEqualTo(page);
  }

  @Test
  void aMenuOfShortItemsOnePerLineIsNotWrappedText() {
    assertThat(SoftWraps.breaks("首页\n新闻\n公益\n视频\n图片")).isEmpty();
    assertThat(SoftWraps.breaks("深圳市慈善会\n广州市慈善会\n东莞市慈善会")).isEmpty();
  }

  @Test
  void aPageOfManyLinesIsReadInOnePass() {
    // 100,000 lines of 14 Han characters (1.5 MB of text): one sort, not a comparison of every pair
    String lines = "中国红十字基金会举行公益活动\n".repeat(100_000);
    assertThat(SoftWraps.breaks(lines)).hasSize(99_999);
    assertThat(AnalysisText.of(lines).text()).hasSize(1_400_000 + 1);
  }
}
