package io.articlepipeline.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text prepared for analysis (Simplified, half-width, pinyin residue, copy-protection noise and
 * a hard-wrapped page's line breaks inside sentences removed: {@link SoftWraps}) that remembers,
 * for every analysed character, where it came from in the surface text. Results found in the
 * analysis form are reported in the surface form with surface offsets.
 */
public final class AnalysisText {

  /** Inline pinyin after a Han character, e.g. 網(wǎng): a page artefact, not text. */
  private static final PatternStarts PINYIN_STARTS = PatternStarts.of("(");
  private static final Pattern PINYIN_RESIDUE = Pattern.compile(
      "(?<=[\\u4e00-\\u9fff])\\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\\)");

  private final String surface;
  private final String text;
  private final int[] toSurface;
  private final List<int[]> lineWraps;

  private AnalysisText(String surface, String text, int[] toSurface, List<int[]> lineWraps) {
    this.surface = surface;
    this.text = text;
    this.toSurface = toSurface;
    this.lineWraps = lineWraps;
  }

  /** Prepares the whole of {@code surface}. */
  public static AnalysisText of(String surface) {
    char[] out = new char[surface.length()];
    int[] map = new int[surface.length() + 1];
    int n = 0;
    int from = 0;
    List<int[]> skip = new ArrayList<>(Garbage.runs(surface));
    List<int[]> wraps = surface.indexOf('\n') < 0 ? List.of() : List.copyOf(SoftWraps.breaks(surface));
    skip.addAll(wraps);
    if (surface.indexOf('(') >= 0) {
      Matcher m = PINYIN_RESIDUE.matcher(surface);
      for (int at = 0; PINYIN_STARTS.find(m, surface, at); at = m.end()) {
        skip.add(new int[] {m.start(), m.end()});
      }
    }
    skip.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] r : skip) {
      if (r[0] >= from) {
        n = copy(surface, from, r[0], out, map, n);
        from = r[1];
      }
    }
    n = copy(surface, from, surface.length(), out, map, n);
    map[n] = surface.length();
    int[] trimmed = new int[n + 1];
    System.arraycopy(map, 0, trimmed, 0, n + 1);
    return new AnalysisText(surface, new String(out, 0, n), trimmed, wraps);
  }

  private static int copy(String s, int from, int to, char[] out, int[] map, int n) {
    for (int i = from; i < to; i++) {
      out[n] = CharNormalizer.normalize(s.charAt(i));
      map[n] = i;
      n++;
    }
    return n;
  }

  /**
   * The line breaks left out as a hard-wrapped page's ({@link SoftWraps#breaks}), [start, end) in
   * the surface text, for whatever else reads the page by its lines.
   */
  public List<int[]> lineWraps() {
    return lineWraps;
  }

  /** The analysis form. */
  public String text() {
    return text;
  }

  /** The text as submitted. */
  public String surface() {
    return surface;
  }

  /** Surface offset of analysis offset {@code i} (i may equal the length). */
  public int surfaceOffset(int i) {
    return toSurface[i];
  }

  /** Surface offset just after the analysed range ending (exclusive) at {@code end}. */
  public int surfaceEnd(int end) {
    return end == 0 ? 0 : toSurface[end - 1] + 1;
  }

  /** The surface text of an analysed range, artefacts inside it included (as printed). */
  public String surfaceSpan(int start, int end) {
    return surface.substring(surfaceOffset(start), surfaceEnd(end));
  }

  /** The surface characters of an analysed range, artefacts inside it left out. */
  public String surfaceChars(int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      sb.append(surface.charAt(toSurface[i]));
    }
    return sb.toString();
  }
}
