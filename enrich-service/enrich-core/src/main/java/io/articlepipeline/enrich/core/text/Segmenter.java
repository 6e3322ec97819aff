package io.articlepipeline.enrich.core.text;

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
      if (eol > from) {
        segmentLine(text, from, eol, out);
      }
      from = eol + 1;
    }
    return out;
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
