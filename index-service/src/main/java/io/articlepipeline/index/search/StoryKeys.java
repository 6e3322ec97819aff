package io.articlepipeline.index.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Which story an article tells, as a key: its headline after NFKC, lower case and without spaces
 * and punctuation, so the copies of a wire report republished by several outlets share one key.
 * Indexed as {@code story}; search results can show each story once.
 */
public final class StoryKeys {

  /** Longest key stored: the start of a headline says which story it is. */
  static final int MAX_LENGTH = 200;

  private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s\\p{P}\\p{S}]+");

  private StoryKeys() {
  }

  /** The headline's key, or null for a missing or empty headline. */
  public static String headline(String title) {
    if (title == null) {
      return null;
    }
    String k = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    k = SEPARATORS.matcher(k).replaceAll("");
    if (k.isEmpty()) {
      return null;
    }
    return k.length() > MAX_LENGTH ? k.substring(0, MAX_LENGTH) : k;
  }

  /** The story of an article: its headline's key, or (no headline) one of its own. */
  public static String of(String title, String id) {
    String k = headline(title);
    return k != null ? k : "id:" + id;
  }
}
