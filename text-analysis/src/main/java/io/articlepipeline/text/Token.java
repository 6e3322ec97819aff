package io.articlepipeline.text;

/**
 * A word of the analysis text.
 *
 * @param word   the analysis form (Simplified, half-width)
 * @param pos    HanLP part-of-speech tag (n, nt, ns, v, w, ...)
 * @param start  offset in the analysis text
 * @param end    end offset (exclusive)
 */
public record Token(String word, String pos, int start, int end) {

  /** True for punctuation and whitespace tokens. */
  public boolean isPunctuation() {
    if (pos.startsWith("w")) {
      return true;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetterOrDigit(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
