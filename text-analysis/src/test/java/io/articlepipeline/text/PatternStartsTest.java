package io.articlepipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternStartsTest {

  /** Every match, as [start, end) pairs, the plain way. */
  private static List<String> byFind(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.start() + "-" + m.end() + ":" + m.group());
    }
    return out;
  }

  private static List<String> byStarts(Pattern p, String text, String starts) {
    PatternStarts at0 = PatternStarts.of(starts);
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    for (int at = 0; at0.find(m, text, at); at = m.end()) {
      out.add(m.start() + "-" + m.end() + ":" + m.group());
    }
    return out;
  }

  @Test
  void findsWhatFindFinds() {
    // a quoted phrase; a look-behind and a look-ahead (pinyin after a Han character); a word
    // boundary before a capital (which sees the character before the start)
    Pattern quoted = Pattern.compile("[“\"《]([^”\"》\\n“]{2,10})[”\"》]");
    Pattern pinyin = Pattern.compile("(?<=[\\u4e00-\\u9fff])\\((?=[a-z]*[āáǎà])[a-zāáǎà]{1,7}\\)");
    Pattern name = Pattern.compile("\\b[A-Z][a-z]*(?: [A-Z][a-z]*)+");
    String[] pieces = {"“", "”", "\"", "《", "》", "中", "国", "(", ")", "zhōng", "ā", "a", "A", "Red", "Cross", "x", " ",
        "\n", "_"};
    Random random = new Random(13);
    int matches = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      List<String> q = byFind(quoted, text);
      assertThat(byStarts(quoted, text, "“\"《")).as(text).isEqualTo(q);
      List<String> p = byFind(pinyin, text);
      assertThat(byStarts(pinyin, text, "(")).as(text).isEqualTo(p);
      List<String> w = byFind(name, text);
      assertThat(byStarts(name, text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")).as(text).isEqualTo(w);
      matches += q.size() + p.size() + w.size();
    }
    assertThat(matches).isGreaterThan(2000);
  }
}
