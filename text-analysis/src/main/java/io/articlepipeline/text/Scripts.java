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
      if (c < 0x80 && Character.isLetter(c)) {
        latin++;
      } else if (Character.isIdeographic(c)) {
        han++;
      }
    }
    return latin > 4 * han;
  }
}
