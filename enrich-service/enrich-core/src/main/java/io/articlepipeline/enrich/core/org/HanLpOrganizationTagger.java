package io.articlepipeline.enrich.core.org;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.articlepipeline.enrich.core.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * HanLP's role-tagging organization recognizer (the measured starting point), with leading
 * counts (13支...) and punctuation stripped.
 */
public final class HanLpOrganizationTagger implements OrganizationTagger {

  private final Segment segment = HanLP.newSegment().enableOffset(true)
      .enableOrganizationRecognize(true).enablePlaceRecognize(true);

  @Override
  public List<OrgSpan> tag(String text, List<Token> tokens) {
    List<OrgSpan> out = new ArrayList<>();
    int from = 0;
    int n = text.length();
    while (from < n) {
      int eol = text.indexOf('\n', from);
      if (eol < 0) {
        eol = n;
      }
      if (eol > from) {
        int offset = from;
        for (Term t : segment.seg(text.substring(from, eol))) {
          int s = offset;
          offset += t.word.length();
          if (t.nature != null && t.nature.startsWith("nt")) {
            OrgSpan span = OrgNames.trim(text, s, offset, 0.5, "hanlp");
            if (span != null) {
              out.add(span);
            }
          }
        }
      }
      from = eol + 1;
    }
    return out;
  }
}
