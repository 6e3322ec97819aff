package io.articlepipeline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Line breaks a hard-wrapped page put inside its sentences. Text copied from a PDF, an e-mail or a
 * terminal keeps the line breaks of a fixed width, and they cut words and names
 * (中国红十字 / 基金会在北京…): analysed as they are, no word or name can span them.
 *
 * <p>A break is a wrap when a Han character ends its line and another, or punctuation that closes
 * a clause (。，、」), starts the next one at once (no indent, no blank line), the next line is no
 * label (编辑:, 来源:), and the page is hard-wrapped: at least {@link #MIN_WRAPS} such lines,
 * most of them ({@link #SAME_WIDTH_SHARE}) of one display width (Han and full-width characters
 * count two columns, others one), give or take {@link #WIDTH_SLACK}, and that width at least
 * {@link #MIN_WIDTH} (a menu of short items, one per line, is no wrapped text). A line of that
 * width was cut by the wrapper, a shorter one ended where its writer ended it, so only breaks
 * after lines at least that wide (less {@link #SHORT_SLACK} columns, for a character that did not
 * fit) are wraps. Pages typed line by line, whose lines differ in width, keep every break.
 */
public final class SoftWraps {

  /**
   * The narrowest wrap width, in columns (twelve Han characters; a newspaper column in a PDF is
   * about that): a menu or list of short items, one per line, is not a wrapped text however
   * alike its items' widths.
   */
  static final int MIN_WIDTH = 24;
  /** Lines ending in a wrap candidate needed before a page counts as hard-wrapped. */
  static final int MIN_WRAPS = 2;
  /** Share of those lines that must be of the most common width. */
  static final double SAME_WIDTH_SHARE = 0.6;
  /** Columns either side of the most common width that still count as that width. */
  static final int WIDTH_SLACK = 2;
  /** Columns short of the wrap width a wrapped line may be (a wide character that did not fit). */
  static final int SHORT_SLACK = 4;
  /** Punctuation no line starts with but a wrapper may push there (参加 / 。): a wrap before it. */
  private static final String CLOSING = "。，、,.;；:：!！?？)）」』”’》〉】〕";
  /** A label at the start of a line: up to five Han characters and a colon (编辑:, 责任编辑：). */
  private static final int LABEL_MAX = 5;

  private SoftWraps() {
  }

  /**
   * [start, end) of each wrapping break of {@code s}: the line feed, with a carriage return
   * before it. Empty when the page is not hard-wrapped.
   */
  public static List<int[]> breaks(CharSequence s) {
    int n = s.length();
    List<int[]> candidates = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) != '\n') {
        continue;
      }
      int end = i > lineStart && s.charAt(i - 1) == '\r' ? i - 1 : i;
      if (end > lineStart && i + 1 < n && isHan(s.charAt(end - 1))
          && (isHan(s.charAt(i + 1)) || CLOSING.indexOf(s.charAt(i + 1)) >= 0)
          && !label(s, i + 1)) {
        candidates.add(new int[] {end, i + 1});
        widths.add(width(s, lineStart, end));
      }
      lineStart = i + 1;
    }
    if (candidates.size() < MIN_WRAPS) {
      return List.of();
    }
    int wrap = commonWidth(widths);
    if (wrap < MIN_WIDTH) {
      return List.of();
    }
    List<int[]> out = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      if (widths.get(k) >= wrap - SHORT_SLACK) {
        out.add(candidates.get(k));
      }
    }
    return out;
  }

  /**
   * The most common width when at least {@link #SAME_WIDTH_SHARE} of the widths lie within
   * {@link #WIDTH_SLACK} of it, else -1 (the widest of equally common ones). Sorted once and
   * counted with two pointers: a pasted page of a hundred thousand lines costs no more than its
   * sort.
   */
  static int commonWidth(List<Integer> widths) {
    int[] w = widths.stream().mapToInt(Integer::intValue).sorted().toArray();
    int best = -1;
    int bestCount = 0;
    int lo = 0;
    int hi = 0;
    for (int i = 0; i < w.length; i++) {
      while (w[lo] < w[i] - WIDTH_SLACK) {
        lo++;
      }
      while (hi < w.length && w[hi] <= w[i] + WIDTH_SLACK) {
        hi++;
      }
      int count = hi - lo;
      if (count > bestCount || count == bestCount && w[i] > best) {
        best = w[i];
        bestCount = count;
      }
    }
    return bestCount >= SAME_WIDTH_SHARE * w.length ? best : -1;
  }

  /** Display columns of s[from, to): two for Han and full-width characters, one for others. */
  static int width(CharSequence s, int from, int to) {
    int w = 0;
    for (int i = from; i < to; i++) {
      w += width(s.charAt(i));
    }
    return w;
  }

  private static int width(char c) {
    return isHan(c) || c >= 0x3000 && c <= 0x303f || c >= 0xff00 && c <= 0xffef ? 2 : 1;
  }

  /**
   * The inverse, for tests and evaluations: {@code text} with every line longer than
   * {@code columns} display columns cut where the next character would not fit, as a fixed-width
   * wrapper (a PDF's text layer, an e-mail client) cuts it.
   */
  public static String hardWrap(String text, int columns) {
    if (columns < 2) {
      throw new IllegalArgumentException("a line holds at least one Han character (2 columns), not " + columns);
    }
    StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
    int lineWidth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineWidth = 0;
      } else {
        if (lineWidth + width(c) > columns) {
          out.append('\n');
          lineWidth = 0;
        }
        lineWidth += width(c);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A line that starts with a label: one to five Han characters and a colon. */
  private static boolean label(CharSequence s, int lineStart) {
    int i = lineStart;
    int n = s.length();
    while (i < n && i - lineStart <= LABEL_MAX && isHan(s.charAt(i))) {
      i++;
    }
    return i > lineStart && i - lineStart <= LABEL_MAX && i < n && (s.charAt(i) == ':' || s.charAt(i) == '：');
  }

  private static boolean isHan(char c) {
    return c >= 0x4e00 && c <= 0x9fff || c >= 0x3400 && c <= 0x4dbf;
  }
}
