package io.articlepipeline.enrich.core.org;

/** Boundary clean-up shared by all organization sources. */
public final class OrgNames {

  private OrgNames() {
  }

  /**
   * Strips what cannot begin or end a name: punctuation, and a leading count with its measure
   * word (13支特色志愿服务队 -> 特色志愿服务队 is still not a name, but 2家...公司 loses "2家").
   * Returns null when nothing name-like remains.
   */
  public static OrgSpan trim(String text, int start, int end, double confidence, String source) {
    int s = start;
    int e = end;
    while (s < e && !Character.isLetterOrDigit(text.charAt(s)) && !isOpenMark(text.charAt(s))) {
      s++;
    }
    while (e > s && !Character.isLetterOrDigit(text.charAt(e - 1)) && !isCloseMark(text, s, e)) {
      e--;
    }
    int d = s;
    while (d < e && (Character.isDigit(text.charAt(d)) || "一二三四五六七八九十百千万两几多余".indexOf(text.charAt(d)) >= 0)) {
      d++;
    }
    if (d > s && d < e && "支个家名位所座只批项届期次".indexOf(text.charAt(d)) >= 0) {
      s = d + 1;
    }
    // a measure word whose number is just outside the span (4家 + 商协会)
    if (s > 0 && s < e && Character.isDigit(text.charAt(s - 1)) && "支个家名位座只批项届期次".indexOf(text.charAt(s)) >= 0) {
      s++;
    }
    // an opening bracket without its closing one: the name ends before it
    int open = text.indexOf('(', s);
    if (open > s && open < e && text.indexOf(')', open) >= e) {
      e = open;
    }
    if (e - s < 2) {
      return null;
    }
    return new OrgSpan(s, e, confidence, source);
  }

  private static boolean isOpenMark(char c) {
    return c == '《';
  }

  /** A closing bracket stays when its opening one is inside the name: 均瑤(集團)有限公司. */
  private static boolean isCloseMark(String text, int s, int e) {
    char c = text.charAt(e - 1);
    char open = c == ')' ? '(' : c == '》' ? '《' : c == '）' ? '（' : 0;
    return open != 0 && text.lastIndexOf(open, e - 1) >= s;
  }
}
