package io.articlepipeline.enrich.core.org;

import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document-level short forms of names already found in the same text. A news page names an
 * organization in full once and then shortens it; the short forms are organizations too:
 * <ul>
 *   <li>the name without its leading place or nation word (中华儿慈会 ... 儿慈会今后将...), a
 *       company's name also without its legal form (香港卓越金融有限公司 ... 卓越金融),</li>
 *   <li>a university's two-character abbreviation (厦门大学 ... 厦大将于...),</li>
 *   <li>a school named by its county and number (彭泽县 ... 彭泽一中, 彭泽二中), the county
 *       known from a place word with its administrative suffix in the same text,</li>
 * </ul>
 * and a party or youth-league committee, trade union or alumni association directly attached to
 * a name is a name of its own (厦大党委). Only occurrences that start at a word boundary and do
 * not overlap a name already found count.
 */
final class ShortForms {

  private static final Set<String> NATION_WORDS = Set.of("中华", "中国", "全国");
  private static final String[] UNITS = {"党委", "党组", "团委", "工会", "校友会"};
  /** The numbers of numbered schools (彭泽一中, 泰和十二中); {@link OrgTypes} reads them too. */
  static final String ORDINALS = "一二三四五六七八九十";
  private static final String COUNTY_SUFFIXES = "县市区";
  private static final int MIN_REMAINDER = 3;
  /** Longest first: the legal form of a company, which its short form drops. */
  private static final List<String> COMPANY_SUFFIXES = List.of(
      "股份有限公司", "有限责任公司", "有限公司", "股份公司");
  private static final Set<String> COMMON_NOUNS = Set.of("n", "vn", "nis", "nnt", "nf", "nit", "gi", "gm", "an");

  private ShortForms() {
  }

  /**
   * {@code names} (sorted by start, not overlapping) with the short forms added and committee
   * suffixes joined; each short form carries its long name's raw score and source + "+short".
   */
  static List<OrgSpan> add(String text, List<Token> tokens, List<OrgSpan> names) {
    Map<String, OrgSpan> forms = new LinkedHashMap<>();
    for (OrgSpan name : names) {
      remainders(text, tokens, name, forms);
      universityAbbreviation(text, tokens, name, forms);
    }
    List<OrgSpan> found = new ArrayList<>();
    List<Map.Entry<String, OrgSpan>> formList = new ArrayList<>(forms.entrySet());
    for (long hit : occurrences(text, formList)) {
      Map.Entry<String, OrgSpan> f = formList.get((int) (hit >>> 32));
      int at = (int) hit;
      if (startsWord(tokens, at) && !followedByWordPart(text, at + f.getKey().length()) && !afterPlace(tokens, at)) {
        found.add(new OrgSpan(at, at + f.getKey().length(), f.getValue().confidence(), base(f.getValue()) + "+short"));
      }
    }
    numberedSchools(text, tokens, found);
    List<OrgSpan> out = new ArrayList<>(names);
    boolean[] taken = new boolean[text.length() + 1];
    for (OrgSpan s : names) {
      java.util.Arrays.fill(taken, s.start(), s.end(), true);
    }
    for (OrgSpan s : found) {
      boolean free = true;
      for (int i = s.start(); i < s.end() && free; i++) {
        free = !taken[i];
      }
      if (free) {
        out.add(s);
        java.util.Arrays.fill(taken, s.start(), s.end(), true);
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    for (int i = 0; i < out.size(); i++) {
      out.set(i, withUnit(text, out.get(i), i + 1 < out.size() ? out.get(i + 1).start() : text.length()));
    }
    return out;
  }

  /**
   * Every occurrence of every form, as (form index << 32 | offset), ordered by form, then offset.
   * Beyond a few forms, one pass over the text, each position looked up by its first two (forms
   * of two characters) or three characters, so a page of thousands of names is not searched once
   * per name.
   */
  private static long[] occurrences(String text, List<Map.Entry<String, OrgSpan>> forms) {
    if (forms.size() <= FEW_FORMS) {
      // a page's usual handful: String.indexOf per form is quicker than looking up every position
      List<Long> hits = new ArrayList<>();
      for (int k = 0; k < forms.size(); k++) {
        String form = forms.get(k).getKey();
        for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          hits.add((long) k << 32 | at);
        }
      }
      return hits.stream().mapToLong(Long::longValue).toArray();
    }
    Map<Long, List<Integer>> byPrefix = new java.util.HashMap<>();
    for (int k = 0; k < forms.size(); k++) {
      String f = forms.get(k).getKey();
      if (f.length() >= 2) {
        byPrefix.computeIfAbsent(prefix(f, 0, Math.min(3, f.length())), x -> new ArrayList<>()).add(k);
      }
    }
    List<Long> hits = new ArrayList<>();
    for (int at = 0; at + 1 < text.length() && !byPrefix.isEmpty(); at++) {
      for (int len = 2; len <= 3 && at + len <= text.length(); len++) {
        List<Integer> ks = byPrefix.get(prefix(text, at, len));
        for (int i = 0; ks != null && i < ks.size(); i++) {
          if (text.startsWith(forms.get(ks.get(i)).getKey(), at)) {
            hits.add((long) ks.get(i) << 32 | at);
          }
        }
      }
    }
    long[] out = new long[hits.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = hits.get(i);
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /** Up to this many forms are searched for one by one. */
  private static final int FEW_FORMS = 16;

  /** text[at, at + len) (len 2 or 3) as a key that tells the lengths apart. */
  private static long prefix(String text, int at, int len) {
    long key = len;
    for (int i = 0; i < len; i++) {
      key = key << 16 | text.charAt(at + i);
    }
    return key;
  }

  /** 中华儿慈会 -> 儿慈会; 南京市高淳区固城街道新时代文明实践所 -> each shorter form after a place word. */
  private static void remainders(String text, List<Token> tokens, OrgSpan name, Map<String, OrgSpan> forms) {
    int t = CharFeatures.firstToken(tokens, name.start());
    if (t >= tokens.size() || tokens.get(t).start() != name.start()) {
      return;
    }
    int end = name.end() - companySuffix(text, name);
    if (end < name.end()) {
      // 上海建工集团股份有限公司 -> 上海建工集团
      shortForm(text, tokens, t, name.start(), end, name, forms);
    }
    for (; t < tokens.size() && tokens.get(t).end() < name.end() && leadingPlace(tokens.get(t)); t++) {
      shortForm(text, tokens, t + 1, tokens.get(t).end(), name.end(), name, forms);
      if (end < name.end()) {
        // 香港卓越金融有限公司 -> 卓越金融
        shortForm(text, tokens, t + 1, tokens.get(t).end(), end, name, forms);
      }
    }
  }

  /** text[from, end) (its first token at index t) as a short form of name, unless it names no body. */
  private static void shortForm(String text, List<Token> tokens, int t, int from, int end, OrgSpan name,
      Map<String, OrgSpan> forms) {
    if (end - from < MIN_REMAINDER || !Character.isIdeographic(text.charAt(from))) {
      return;
    }
    String rest = text.substring(from, end);
    if (!CompoundRules.isGeneric(text, tokens, new OrgSpan(from, end, 0, "")) && !endsPlace(rest)
        && !descriptive(tokens, t, end)) {
      forms.putIfAbsent(rest, name);
    }
  }

  /** Length of a company-form suffix ending the name (有限公司, 股份有限公司, ...), 0 if none. */
  private static int companySuffix(String text, OrgSpan name) {
    for (String suffix : COMPANY_SUFFIXES) {
      if (name.length() > suffix.length() && text.startsWith(suffix, name.end() - suffix.length())) {
        return suffix.length();
      }
    }
    return 0;
  }

  /** 县 + 教体局 is no short form: the prefix is a whole word of at least two characters. */
  private static boolean leadingPlace(Token tok) {
    return tok.word().length() >= 2 && (NATION_WORDS.contains(tok.word()) || CompoundRules.isPlace(tok));
  }

  /**
   * 智能/n 手机/n 公司: only dictionary common nouns describe a kind of body, they do not name one
   * (single characters are pieces of a word the segmenter does not know: 星/n 海/n 金融).
   */
  private static boolean descriptive(List<Token> tokens, int from, int end) {
    for (int t = from; t < tokens.size() && tokens.get(t).start() < end; t++) {
      if (!COMMON_NOUNS.contains(tokens.get(t).pos()) || tokens.get(t).word().length() == 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsPlace(String s) {
    return COUNTY_SUFFIXES.indexOf(s.charAt(s.length() - 1)) >= 0 || s.endsWith("省");
  }

  /** 厦门大学 -> 厦大: a two-character place and 大学. */
  private static void universityAbbreviation(String text, List<Token> tokens, OrgSpan name, Map<String, OrgSpan> forms) {
    if (name.length() != 4 || !text.startsWith("大学", name.start() + 2)) {
      return;
    }
    int t = CharFeatures.firstToken(tokens, name.start());
    if (t < tokens.size() && tokens.get(t).start() == name.start() && tokens.get(t).end() == name.start() + 2
        && CompoundRules.isPlace(tokens.get(t))) {
      forms.putIfAbsent(text.charAt(name.start()) + "大", name);
    }
  }

  /** 彭泽一中, 彭泽二中: a county's name (彭泽县 elsewhere in the text) + a number + 中 or 小. */
  private static void numberedSchools(String text, List<Token> tokens, List<OrgSpan> out) {
    for (int j = 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c != '中' && c != '小' || ORDINALS.indexOf(text.charAt(j - 1)) < 0 || followedByWordPart(text, j + 1)) {
        continue;
      }
      int i = j - 1;
      if (i > 0 && ORDINALS.indexOf(text.charAt(i - 1)) >= 0) {
        i--;
      }
      for (int len = 2; len <= 3; len++) {
        int s = i - len;
        if (s < 0 || !startsWord(tokens, s) || !isHan(text, s, i)) {
          continue;
        }
        if (isCounty(text, text.substring(s, i))) {
          out.add(new OrgSpan(s, j + 1, 0.6, "rule+school"));
          break;
        }
      }
    }
  }

  private static boolean isCounty(String text, String stem) {
    for (int k = 0; k < COUNTY_SUFFIXES.length(); k++) {
      if (text.contains(stem + COUNTY_SUFFIXES.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static OrgSpan withUnit(String text, OrgSpan s, int limit) {
    for (String unit : UNITS) {
      if (text.startsWith(unit, s.end()) && s.end() + unit.length() <= limit
          && !followedByWordPart(text, s.end() + unit.length()) && !titleFollows(text, s.end() + unit.length())) {
        return new OrgSpan(s.start(), s.end() + unit.length(), s.confidence(), s.source());
      }
    }
    return s;
  }

  /** X党委书记 is X's party secretary: the committee belongs to the title, not to a new name. */
  private static boolean titleFollows(String text, int at) {
    return text.startsWith("书记", at) || text.startsWith("副书记", at) || text.startsWith("主席", at);
  }

  /** A following 学 or 校 would make the match part of a longer word (厦大学生 is fine: 学生). */
  private static boolean followedByWordPart(String text, int at) {
    return at < text.length() && (text.charAt(at) == '学' && !text.startsWith("学生", at) || text.charAt(at) == '校');
  }

  /** 县 + 教体局, 中国 + ...: an occurrence glued to a place word is part of a longer name. */
  private static boolean afterPlace(List<Token> tokens, int at) {
    int t = CharFeatures.firstToken(tokens, at) - 1;
    return t >= 0 && tokens.get(t).end() == at
        && (NATION_WORDS.contains(tokens.get(t).word()) || CompoundRules.isPlace(tokens.get(t)));
  }

  private static boolean startsWord(List<Token> tokens, int at) {
    int t = CharFeatures.firstToken(tokens, at);
    return t < tokens.size() && tokens.get(t).start() == at;
  }

  private static boolean isHan(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isIdeographic(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String base(OrgSpan s) {
    int plus = s.source().indexOf('+');
    return plus > 0 ? s.source().substring(0, plus) : s.source();
  }
}
