package io.articlepipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScriptsTest {

  @Test
  void englishAndChineseTexts() {
    assertThat(Scripts.mostlyLatin("The Red Cross Society of China said on Monday")).isTrue();
    assertThat(Scripts.mostlyLatin("中国红十字会周一表示 Red Cross")).isFalse();
    assertThat(Scripts.mostlyLatin("")).isFalse();
  }

  @Test
  void countsAsTheUnicodeDefinitionDoes() {
    // block edges, Extension A, the compatibility block, ASCII and Latin-1 letters, digits
    char[] alphabet = {'\u4DFF', '\u4E00', '\u9FA5', '\u9FA6', '\u9FFF', '\u3400', '\uF900', '\u3007', 'A', 'Z', 'a', 'z',
        '@', '[', '`', '{', '0', 'é', 'ß', ' ', '中'};
    Random random = new Random(5);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = b.toString();
      assertThat(Scripts.mostlyLatin(text)).as(text).isEqualTo(definition(text));
    }
  }

  private static boolean definition(String text) {
    int latin = 0;
    int han = 0;
    for (char c : text.toCharArray()) {
      if (c < 0x80 && Character.isLetter(c)) {
        latin++;
      } else if (Character.isIdeographic(c)) {
        han++;
      }
    }
    return latin > 4 * han;
  }
}
