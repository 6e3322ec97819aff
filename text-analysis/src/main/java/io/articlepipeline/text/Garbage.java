package io.articlepipeline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Copy-protection noise some forums inject between sentences ("4 f: B- O+ p\" H+"): runs of
 * at least three whitespace-separated tokens of one to three ASCII characters that contain a
 * symbol, mix letters and digits, or are a lone letter. Ordinary English words do not qualify.
 */
public final class Garbage {

  private static final int MIN_RUN = 3;

  private Garbage() {
  }

  /** [start, end) offsets of the noise runs in {@code s}. */
  public static List<int[]> runs(CharSequence s) {
    List<int[]> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    int runStart = -1;
    int runEnd = -1;
    int count = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) < 0x80) {
        i++;
      }
      boolean whole = i == n || Character.isWhitespace(s.charAt(i));
      if (i > start && whole && isNoise(s, start, i)) {
        if (count == 0) {
          runStart = start;
        }
        count++;
        runEnd = i;
        continue;
      }
      if (count >= MIN_RUN) {
        // noise glued to the next word: "^) b中华儿慈会" loses the "b" too
        int glued = start;
        while (glued < i && glued - start < 2 && s.charAt(glued) < 0x80 && !Character.isWhitespace(s.charAt(glued))) {
          glued++;
        }
        boolean gluedToText = glued > start && glued < n && s.charAt(glued) >= 0x80 && i == glued;
        out.add(new int[] {runStart, gluedToText ? glued : runEnd});
      }
      count = 0;
      // skip the rest of a non-noise token
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        i++;
      }
    }
    if (count >= MIN_RUN) {
      out.add(new int[] {runStart, runEnd});
    }
    return out;
  }

  /** {@code s} without its noise runs. */
  public static String strip(String s) {
    List<int[]> runs = runs(s);
    if (runs.isEmpty()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int from = 0;
    for (int[] r : runs) {
      b.append(s, from, r[0]);
      from = r[1];
    }
    b.append(s, from, s.length());
    return b.toString().strip();
  }

  private static boolean isNoise(CharSequence s, int start, int end) {
    int len = end - start;
    if (len > 3) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    boolean symbol = false;
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        symbol = true;
      }
    }
    return symbol || letter && digit || len == 1 && (digit || letter && s.charAt(start) != 'a' && s.charAt(start) != 'I');
  }
}
