package io.articlepipeline.text;

import com.hankcs.hanlp.HanLP;

/**
 * One-to-one character normalisation for analysis: full-width forms to ASCII, the ideographic
 * space to a space, Traditional characters to Simplified. Being one-to-one keeps every offset
 * in the analysed text equal to the offset in the surface text, so results can always be cut
 * from the text as printed.
 */
public final class CharNormalizer {

  private static final char[] TABLE = buildTable();
  /** TABLE followed by Character.toLowerCase, looked up once per character instead of computed. */
  private static final char[] LOWER = lowerTable(TABLE);

  private CharNormalizer() {
  }

  /** The analysis form of one character. */
  public static char normalize(char c) {
    return TABLE[c];
  }

  /** The analysis form of a string, same length as the input. */
  public static String normalize(CharSequence text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = TABLE[text.charAt(i)];
    }
    return new String(out);
  }

  /** Lower-cased analysis form (index tokens, keyword matching). */
  public static String normalizeLower(CharSequence text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = LOWER[text.charAt(i)];
    }
    return new String(out);
  }

  private static char[] lowerTable(char[] table) {
    char[] lower = new char[table.length];
    for (int c = 0; c < table.length; c++) {
      lower[c] = Character.toLowerCase(table[c]);
    }
    return lower;
  }

  private static char[] buildTable() {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = (char) c;
    }
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      table[c] = (char) (c - 0xFEE0);
    }
    table[0x3000] = ' ';
    table[0x00A0] = ' ';
    // Traditional -> Simplified, character by character (phrase-level conversion could change
    // lengths and would break offsets; single characters are what matter for recognition).
    StringBuilder block = new StringBuilder();
    int from = 0x4E00;
    int to = 0x9FFF;
    for (int c = from; c <= to; c++) {
      block.append((char) c).append('\n');
    }
    String converted = HanLP.convertToSimplifiedChinese(block.toString());
    if (converted.length() == block.length()) {
      for (int i = 0, c = from; c <= to; c++, i += 2) {
        char s = converted.charAt(i);
        if (Character.isIdeographic(s) && converted.charAt(i + 1) == '\n') {
          table[c] = s;
        }
      }
    } else {
      for (int c = from; c <= to; c++) {
        String s = HanLP.convertToSimplifiedChinese(String.valueOf((char) c));
        if (s.length() == 1) {
          table[c] = s.charAt(0);
        }
      }
    }
    return table;
  }
}
