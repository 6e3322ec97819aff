package io.articlepipeline.enrich.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cheap checks that let most lines skip PageCleaner's patterns decide as the patterns would. */
class LinePrefiltersTest {

  @Test
  void everyFirstCharacterMetaCanMatchIsInTheSet() {
    String pattern = PageCleaner.META.pattern();
    // the labels: ^(?:(?:编辑|责任编辑|...)\s*[:：])
    Matcher labels = Pattern.compile("^\\^\\(\\?:\\(\\?:([^)]*)\\)").matcher(pattern);
    assertThat(labels.find()).as(pattern).isTrue();
    for (String label : labels.group(1).split("\\|")) {
      assertThat(PageCleaner.META_FIRST).as(label).contains(label.substring(0, 1));
    }
    // the notices: ^【?(?:免责声明|版权声明|声明)】?
    Matcher notices = Pattern.compile("\\|\\^【\\?\\(\\?:([^)]*)\\)").matcher(pattern);
    assertThat(notices.find()).as(pattern).isTrue();
    assertThat(PageCleaner.META_FIRST).contains("【");
    for (String notice : notices.group(1).split("\\|")) {
      assertThat(PageCleaner.META_FIRST).as(notice).contains(notice.substring(0, 1));
    }
    // a date row: ^[\d\-年月日:/ ]{8,}
    assertThat(pattern).contains("|^[\\d\\-年月日:/ ]{8,}");
    for (char c : "0123456789-年月日:/ ".toCharArray()) {
      assertThat(PageCleaner.META_FIRST).as("'" + c + "'").contains(String.valueOf(c));
    }
  }

  @Test
  void metaLineAgreesWithThePatternOnGeneratedLines() {
    Random random = new Random(7);
    String[] pieces = {"编辑", "责任编辑", "来源", "來源", "作者", "声明", "【免责声明】", "2024-01-02", "年", ":", "：", " ",
        "文", "新华社", "abc", "9", "/", "\t", "记者"};
    for (int n = 0; n < 20_000; n++) {
      String line = line(random, pieces, 6);
      assertThat(PageCleaner.metaLine(line)).as(line).isEqualTo(PageCleaner.META.matcher(line).lookingAt());
    }
  }

  @Test
  void captionCheckHoldsForEveryCaptionThePatternFinds() {
    Random random = new Random(11);
    String[] pieces = {"摄", " 摄", "摄影", "供图", "图片", "资料图", "Photo", "PHOTO", "photos", "photo", ")", "（", "新华社",
        " ", "记者", "by", "x"};
    int captions = 0;
    for (int n = 0; n < 20_000; n++) {
      String line = line(random, pieces, 5);
      if (PageCleaner.CAPTION.matcher(line).find()) {
        captions++;
        assertThat(PageCleaner.mayBeCaption(line, line.toLowerCase(Locale.ROOT))).as(line).isTrue();
      }
    }
    assertThat(captions).isGreaterThan(1000);
  }

  @Test
  void wordListsAreRowsOfShortChinesePartsAsSplittingFoundThem() {
    assertThat(PageCleaner.isWordList("广州 深圳 珠海 汕头 佛山")).isTrue();
    assertThat(PageCleaner.isWordList("广州  深圳\t珠海 汕头 佛山 ")).isTrue();
    assertThat(PageCleaner.isWordList("广州 深圳 珠海 汕头")).isFalse();
    assertThat(PageCleaner.isWordList("广州市民政局 深圳 珠海 汕头 佛山")).isFalse();
    assertThat(PageCleaner.isWordList("广州 深圳 珠海 汕头 Foshan")).isFalse();
    assertThat(PageCleaner.isWordList("")).isFalse();
    Random random = new Random(3);
    String[] pieces = {"广", "州", "深圳", "a", "Z", " ", "  ", "\t", "\u3000", "。", "1"};
    for (int n = 0; n < 20_000; n++) {
      String line = line(random, pieces, 14).strip();
      assertThat(PageCleaner.isWordList(line)).as("'" + line + "'").isEqualTo(splitting(line));
    }
  }

  /** The definition by splitting at runs of \s (lines reach it stripped). */
  private static boolean splitting(String line) {
    String[] parts = line.split("\\s+");
    if (parts.length < 5) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 4 || !Character.isIdeographic(p.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  private static String line(Random random, String[] pieces, int maxPieces) {
    StringBuilder b = new StringBuilder();
    int k = random.nextInt(maxPieces + 1);
    for (int i = 0; i < k; i++) {
      b.append(pieces[random.nextInt(pieces.length)]);
    }
    return b.toString();
  }
}
