package io.articlepipeline.enrich.core;

import io.articlepipeline.text.CharNormalizer;

/** Language of a text from its script: "zh", "zh-Hant" or "en". */
final class Languages {

  private Languages() {
  }

  static String detect(String text) {
    int han = 0;
    int traditional = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x4E00 && c <= 0x9FFF) {
        han++;
        if (CharNormalizer.normalize(c) != c) {
          traditional++;
        }
      } else if (c < 0x80 && Character.isLetter(c)) {
        latin++;
      }
    }
    if (han == 0 || han * 4 < latin) {
      return han == 0 && latin == 0 ? "zh" : "en";
    }
    // Simplified text has (almost) no characters the Traditional->Simplified table changes.
    return traditional * 20 > han ? "zh-Hant" : "zh";
  }
}
