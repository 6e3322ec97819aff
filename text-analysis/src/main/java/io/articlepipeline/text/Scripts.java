package io.articlepipeline.text;

/** Which script a text is written in, for choosing the Chinese or the English rules. */
public final class Scripts {

  private Scripts() {
  }

  /** More than four Latin letters for every Han character: an English text (or passage). */
  public static boolean mostlyLatin(String text) {
    int latin = 0;
    int han = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // the common cases first, without the Unicode tables: Han of the basic block, ASCII letters
      if (c >= 0x4E00 && c <= 0x9FA5) {
        han++;
      } else if (c < 0x80) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
          latin++;
        }
      } else if (Character.isIdeographic(c)) {
        han++;
      }
    }
    return latin > 4 * han;
  }
}
