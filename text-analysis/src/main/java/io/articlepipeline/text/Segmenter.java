package io.articlepipeline.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * HanLP word segmentation of analysis text, line by line so no word spans a line break.
 * HanLP's segmenters are thread-safe once configured.
 */
public final class Segmenter {

  private final Segment segment;

  /** Plain dictionary + bigram segmentation with part-of-speech tags (no name recognition). */
  public static Segmenter plain() {
    return new Segmenter(HanLP.newSegment().enableOffset(true)
        .enableNameRecognize(false).enablePlaceRecognize(false)
        .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false)
        .enableJapaneseNameRecognize(false).enableNumberQuantifierRecognize(false)
        .enableCustomDictionary(true));
  }

  private Segmenter(Segment segment) {
    this.segment = segment;
  }

  /** Tokens of {@code text} with offsets into it. */
  public List<Token> segment(String text) {
    List<Token> out = new ArrayList<>(text.length() / 2 + 1);
    int from = 0;
    int n = text.length();
    while (from < n) {
      int eol = text.indexOf('\n', from);
      if (eol < 0) {
        eol = n;
      }
      while (eol - from > MAX_SPAN) {
        int cut = cut(text, from);
        segmentLine(text, from, cut, out);
        from = cut;
      }
      if (eol > from) {
        segmentLine(text, from, eol, out);
      }
      from = eol + 1;
    }
    return out;
  }

  /**
   * Longest piece of a line segmented at once. HanLP's word lattice for one piece grows with its
   * length (a pasted page of 700,000 characters without a line break took 400 MB), so longer
   * lines are cut: after the last sentence end in the piece, else after the last comma or space,
   * else (no punctuation at all) at the limit.
   */
  static final int MAX_SPAN = 2000;

  static int cut(String text, int from) {
    int limit = from + MAX_SPAN;
    int comma = -1;
    for (int i = limit; i > from + MAX_SPAN / 2; i--) {
      char c = text.charAt(i - 1);
      if (c == '。' || c == '!' || c == '?' || c == ';' || c == '！' || c == '？' || c == '；') {
        return i;
      }
      if (comma < 0 && (c == ',' || c == '，' || c == '、' || c == ' ')) {
        comma = i;
      }
    }
    return comma > 0 ? comma : limit;
  }

  private void segmentLine(String text, int from, int to, List<Token> out) {
    char[] chars = text.substring(from, to).toCharArray();
    List<Term> terms = segment.seg(chars);
    int offset = 0;
    for (Term t : terms) {
      int len = t.word.length();
      int s = from + offset;
      offset += len;
      if (t.word.isBlank()) {
        continue;
      }
      out.add(new Token(t.word, t.nature == null ? "x" : t.nature.toString(), s, s + len));
    }
  }
}
