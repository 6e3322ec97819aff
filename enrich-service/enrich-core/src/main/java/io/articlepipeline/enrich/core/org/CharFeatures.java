package io.articlepipeline.enrich.core.org;

import io.articlepipeline.text.Token;
import java.util.List;

/**
 * Feature extraction for the character-level organization model: characters and character
 * n-grams around each position, and the HanLP word each character sits in (its part of speech,
 * position in the word, neighbouring words). Features are 64-bit hashes computed without
 * allocating strings, the same way at training and at run time.
 */
public final class CharFeatures {

  /** Features per position (unused slots are 0). */
  public static final int PER_POSITION = 24;

  private static final long PRIME = 0x100000001B3L;
  private static final char BOS = '\u0002';
  private static final char EOS = '\u0003';

  private CharFeatures() {
  }

  /**
   * Fills {@code out[i * PER_POSITION + k]} with the features of position i of
   * {@code text[from, to)}; {@code tokens} are the words of the whole text (in order), offsets
   * relative to {@code text}.
   */
  public static void extract(String text, int from, int to, List<Token> tokens, int firstToken, long[] out) {
    int n = to - from;
    char[] c = new char[n + 4];
    c[0] = BOS;
    c[1] = BOS;
    c[n + 2] = EOS;
    c[n + 3] = EOS;
    for (int i = 0; i < n; i++) {
      c[i + 2] = fold(text.charAt(from + i));
    }
    // each character's class once (the class template reads three of them at every position)
    char[] classes = new char[n + 4];
    for (int p = 0; p < classes.length; p++) {
      classes[p] = type(c[p]);
    }
    int t = firstToken;
    int cachedToken = -1;
    long pos = 0;
    long wordHash = 0;
    long prevPos = 1;
    long nextPos = 1;
    long prevWord = 0;
    long nextWord = 0;
    for (int i = 0; i < n; i++) {
      int abs = from + i;
      while (t < tokens.size() && tokens.get(t).end() <= abs) {
        t++;
      }
      Token word = t < tokens.size() && tokens.get(t).start() <= abs ? tokens.get(t) : null;
      int base = i * PER_POSITION;
      int p = i + 2;
      char c0 = c[p];
      char l1 = c[p - 1];
      char l2 = c[p - 2];
      char r1 = c[p + 1];
      char r2 = c[p + 2];
      out[base] = h(1, l2);
      out[base + 1] = h(2, l1);
      out[base + 2] = h(3, c0);
      out[base + 3] = h(4, r1);
      out[base + 4] = h(5, r2);
      out[base + 5] = h(6, l2, l1);
      out[base + 6] = h(7, l1, c0);
      out[base + 7] = h(8, c0, r1);
      out[base + 8] = h(9, r1, r2);
      out[base + 9] = h(10, l1, r1);
      out[base + 10] = h(11, l2, l1, c0);
      out[base + 11] = h(12, c0, r1, r2);
      out[base + 12] = h(13, classes[p - 1], classes[p], classes[p + 1]);
      out[base + 13] = h(14, 'b');
      if (word == null) {
        for (int k = 14; k < PER_POSITION; k++) {
          out[base + k] = 0;
        }
        continue;
      }
      int len = word.end() - word.start();
      char place = len == 1 ? 'S' : abs == word.start() ? 'B' : abs == word.end() - 1 ? 'E' : 'M';
      if (cachedToken != t) {
        // word-level hashes once per word, not once per character
        cachedToken = t;
        Token prev = t > 0 && tokens.get(t - 1).end() == word.start() ? tokens.get(t - 1) : null;
        Token next = t + 1 < tokens.size() && tokens.get(t + 1).start() == word.end() ? tokens.get(t + 1) : null;
        pos = hs(0, word.pos());
        wordHash = len >= 2 && len <= 8 ? hs(0, word.word()) : 0;
        prevPos = prev == null ? 1 : hs(0, prev.pos());
        nextPos = next == null ? 1 : hs(0, next.pos());
        prevWord = prev == null ? 0 : hs(0, prev.word());
        nextWord = next == null ? 0 : hs(0, next.word());
      }
      out[base + 14] = mix(h(15, place), pos);
      out[base + 15] = wordHash != 0 ? mix(h(16, place), wordHash) : 0;
      out[base + 16] = mix(h(17, place), prevPos);
      out[base + 17] = mix(h(18, place), nextPos);
      out[base + 18] = h(19, place, (char) Math.min(len, 6));
      out[base + 19] = (place == 'B' || place == 'S') && prevWord != 0 ? mix(h(20, 'p'), prevWord) : 0;
      out[base + 20] = (place == 'E' || place == 'S') && nextWord != 0 ? mix(h(21, 'n'), nextWord) : 0;
      out[base + 21] = mix(h(22, place, l1, c0), 0);
      out[base + 22] = mix(mix(h(23, place), pos), prevPos);
      out[base + 23] = mix(mix(h(24, place), pos), nextPos);
    }
  }

  /** Index of the first token that ends after {@code offset}. */
  public static int firstToken(List<Token> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).end() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static char fold(char c) {
    if (c >= '0' && c <= '9') {
      return '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + 32);
    }
    return c;
  }

  private static char type(char c) {
    if (c == BOS || c == EOS) {
      return c;
    }
    if (c >= 0x4E00 && c <= 0x9FFF) {
      return 'H';
    }
    if (c == '0') {
      return 'D';
    }
    if (c < 0x80 && Character.isLetter(c)) {
      return 'L';
    }
    if (Character.isWhitespace(c)) {
      return 'W';
    }
    return 'P';
  }

  private static long h(int template, char a) {
    return mix(mix(0xCBF29CE484222325L, template), a);
  }

  private static long h(int template, char a, char b) {
    return mix(h(template, a), b);
  }

  private static long h(int template, char a, char b, char c) {
    return mix(h(template, a, b), c);
  }

  private static long hs(int template, String s) {
    long x = mix(0x84222325CBF29CE4L, template);
    for (int i = 0; i < s.length(); i++) {
      x = mix(x, s.charAt(i));
    }
    return x;
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * PRIME;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 32);
  }
}
