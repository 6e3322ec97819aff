package io.articlepipeline.enrich.core.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Web and e-mail addresses leave the keyword content, found as a plain search of the pattern finds them. */
class AddressMaskTest {

  @Test
  void addressesAreTakenOut() {
    String text = "网址:http://www.hfyggy.com/ 邮箱 info@hfyggy.org 欢迎";
    boolean[] mask = KeywordExtractor.withoutAddresses(text, all(text));
    assertThat(mask[text.indexOf("http")]).isFalse();
    assertThat(mask[text.indexOf("info")]).isFalse();
    assertThat(mask[text.indexOf("欢迎")]).isTrue();
  }

  @Test
  void theMaskIsWhatEveryMatchOfThePatternCovers() {
    String[] pieces = {"http://", "HTTPS://", "www.", "WWW.", "a", "Z", "9", "_", ".", "+", "-", "@", "example", "com",
        "/", "中", "文", " ", "：", "?x=1"};
    Random random = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(14); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      boolean[] expected = all(text);
      Matcher m = KeywordExtractor.ADDRESS.matcher(text);
      while (m.find()) {
        Arrays.fill(expected, m.start(), m.end(), false);
      }
      assertThat(KeywordExtractor.withoutAddresses(text, all(text))).as(text).isEqualTo(expected);
    }
  }

  private static boolean[] all(String text) {
    boolean[] content = new boolean[text.length() + 1];
    Arrays.fill(content, true);
    return content;
  }
}
