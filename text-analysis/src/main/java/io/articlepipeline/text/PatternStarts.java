package io.articlepipeline.text;

import java.util.regex.Matcher;

/**
 * {@link Matcher#find(int)} for a pattern whose every match begins with one of a few characters:
 * the pattern is tried at those characters only. {@code find} tries it at every index, and in a
 * long-running service, where the regex engine's node classes also serve many other patterns,
 * each try is a chain of megamorphic calls: the enrich service spent a tenth of its CPU in such
 * tries on Chinese text, where the pattern's first character almost never stands.
 */
public final class PatternStarts {

  private PatternStarts() {
  }

  /**
   * The next match at or after {@code from} whose first character is one of {@code starts}, as
   * {@code m.find(from)} would find it (look-behinds see the text before it); afterwards
   * {@code m.start()}, {@code m.end()} and {@code m.group()} are positions in {@code text}.
   *
   * @param m      a matcher over {@code text}
   * @param starts every character a match can begin with
   */
  public static boolean find(Matcher m, CharSequence text, int from, String starts) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    for (int i = from; i < n; i++) {
      if (starts.indexOf(text.charAt(i)) >= 0) {
        m.region(i, n);
        if (m.lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }
}
