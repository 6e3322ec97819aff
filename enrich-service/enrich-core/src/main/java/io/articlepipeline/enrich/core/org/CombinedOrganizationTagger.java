package io.articlepipeline.enrich.core.org;

import io.articlepipeline.text.Scripts;
import io.articlepipeline.enrich.core.OrganizationType;
import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organization tagger of the enrich stage: the trained character model, the gazetteer
 * (shipped lists plus the operator's file), compound-name rules, source/credit lines and
 * English name rules, merged so that the longest well-founded name wins at each place.
 */
public final class CombinedOrganizationTagger implements OrganizationTagger {

  private static final Pattern SOURCE_LINE = Pattern.compile(
      "(?:来源|稿源|来源于|供稿)\\s*[:：]\\s*([^\\s|:：,，()（）【】\\[\\]<>]{2,20})");
  private static final Pattern SOURCE_TAIL = Pattern.compile(
      "(?:编辑|作者|发布|时间|日期|参与互动|责任编辑|记者|通讯员|浏览|点击|\\d).*$");
  private static final Pattern DATELINE = Pattern.compile(
      "(?:^|\\n|\\s)([\\u4e00-\\u9fff]{2,6}?)(?:快讯|讯)\\s*[(（ ]");

  /** A wire dateline: outlet, optional place, date, 电/讯 (新华社成都2月25日电, 红网时刻新闻9月6日讯). */
  private static final Pattern WIRE_DATELINE = Pattern.compile(
      "(?:^|[\\n\\s】\\]])([\\u4e00-\\u9fff]{2,14})\\d{1,2}月\\d{1,2}日(?:电|讯)");
  private static final String[] OUTLET_ENDS = {"社", "网", "报", "台", "新闻"};
  /** Longest stretch a wire dateline covers before its 日电: blank, outlet, place, date. */
  private static final int WIRE_REACH = 1 + 14 + 5;
  /** A dateline's reach on either side of its 讯: blank, name, 快; blanks and the bracket. */
  private static final int DATELINE_REACH = 8;
  private static final java.util.Set<String> LEADING_FUNCTION_WORDS = java.util.Set.of(
      "由", "据", "向", "在", "对", "从", "与", "和", "及", "为", "被", "把", "将", "而", "于", "经", "让", "给",
      "携手", "联合", "通过", "根据", "代表", "感谢", "组织", "协助", "邀请", "参加", "来到", "走进");
  private final ModelOrganizationTagger model;
  private final Gazetteer gazetteer;
  private final OrgCalibration calibration;

  /** Confidences are the raw scores of each source (the model's squashed mean margin, fixed values for the rest). */
  public CombinedOrganizationTagger(ModelOrganizationTagger model, Gazetteer gazetteer) {
    this(model, gazetteer, OrgCalibration.IDENTITY);
  }

  /** Confidences are the raw scores mapped through {@code calibration}: probabilities of being right. */
  public CombinedOrganizationTagger(ModelOrganizationTagger model, Gazetteer gazetteer, OrgCalibration calibration) {
    this.model = model;
    this.gazetteer = gazetteer;
    this.calibration = calibration;
  }

  @Override
  public OrganizationType knownType(String analysed) {
    for (Gazetteer.Match m : gazetteer.find(analysed)) {
      if (m.start() == 0 && m.end() == analysed.length()) {
        return m.entry().type();
      }
    }
    return null;
  }

  @Override
  public List<OrgSpan> tag(String text, List<Token> tokens) {
    boolean english = Scripts.mostlyLatin(text);
    List<OrgSpan> candidates = new ArrayList<>();
    // the model is trained on Chinese: English text gets the English rules and the gazetteer
    for (OrgSpan s : english ? List.<OrgSpan>of() : model.tag(text, tokens)) {
      if (isLatin(text, s) ? !english && Character.isUpperCase(text.charAt(s.start())) : !english) {
        if (!CompoundRules.isGeneric(text, tokens, s)) {
          candidates.add(extend(text, tokens, s));
        }
      }
    }
    List<OrgSpan> rules = new ArrayList<>();
    CompoundRules.headRule(text, tokens, rules);
    for (OrgSpan s : rules) {
      OrgSpan t = OrgNames.trim(text, s.start(), s.end(), s.confidence(), s.source());
      if (t != null && !CompoundRules.isGeneric(text, tokens, t)) {
        candidates.add(extend(text, tokens, t));
      }
    }
    sourceLines(text, tokens, candidates);
    outletRows(text, tokens, candidates);
    List<OrgSpan> headed = EnglishOrganizations.find(text);
    candidates.addAll(headed);
    List<OrgSpan> known = new ArrayList<>();
    for (Gazetteer.Match m : gazetteer.find(text)) {
      known.add(new OrgSpan(m.start(), m.end(), 0.9, "gazetteer"));
    }
    if (english) {
      List<OrgSpan> named = new ArrayList<>(headed);
      named.addAll(known);
      candidates.addAll(EnglishContextNames.find(text, named));
    }
    List<OrgSpan> merged = merge(candidates, known);
    List<OrgSpan> names = new ArrayList<>(merged.size());
    for (OrgSpan s : merged) {
      OrgSpan t = stripLeadingFunctionWord(text, tokens, s);
      if (t != null) {
        names.add(t);
      }
    }
    List<OrgSpan> out = new ArrayList<>(names.size());
    CitedTitles titles = CitedTitles.of(text);
    for (OrgSpan s : ShortForms.add(text, tokens, ListNames.add(text, tokens, names))) {
      if (!titles.inside(s)) {
        out.add(calibration.apply(s));
      }
    }
    return out;
  }

  /** 由/据/向/携手 + name: a preposition, conjunction or verb glued in front is not part of it. */
  private static OrgSpan stripLeadingFunctionWord(String text, List<Token> tokens, OrgSpan s) {
    int t = CharFeatures.firstToken(tokens, s.start());
    if (t >= tokens.size() || tokens.get(t).start() != s.start() || tokens.get(t).end() >= s.end()) {
      return s;
    }
    String pos = tokens.get(t).pos();
    boolean function = (pos.startsWith("p") || pos.startsWith("c") || pos.startsWith("v") || pos.startsWith("u"))
        && LEADING_FUNCTION_WORDS.contains(tokens.get(t).word());
    if (!function || s.source().equals("gazetteer")) {
      return s;
    }
    int start = tokens.get(t).end();
    return s.end() - start >= 2 ? new OrgSpan(start, s.end(), s.confidence(), s.source()) : null;
  }

  /**
   * Names inside a cited document title (《…关于…的通知》) are not mentions of the issuer; the
   * whole title as a name (《公益时报》) is the outlet itself. For each offset, the last 《 and the
   * last 》 before it and the first 》 after it, found once per text.
   */
  private record CitedTitles(String text, int[] lastOpen, int[] lastClose, int[] nextClose) {
    static final CitedTitles NONE = new CitedTitles(null, null, null, null);

    static CitedTitles of(String text) {
      if (text.indexOf('《') < 0) {
        return NONE;
      }
      int n = text.length();
      int[] lastOpen = new int[n + 1]; // last 《 at or before i
      int[] lastClose = new int[n + 1]; // last 》 at or before i
      int[] nextClose = new int[n + 1]; // first 》 at or after i
      int open = -1;
      int close = -1;
      for (int i = 0; i < n; i++) {
        if (text.charAt(i) == '《') {
          open = i;
        } else if (text.charAt(i) == '》') {
          close = i;
        }
        lastOpen[i] = open;
        lastClose[i] = close;
      }
      lastOpen[n] = open;
      lastClose[n] = close;
      nextClose[n] = -1;
      for (int i = n - 1; i >= 0; i--) {
        nextClose[i] = text.charAt(i) == '》' ? i : nextClose[i + 1];
      }
      return new CitedTitles(text, lastOpen, lastClose, nextClose);
    }

    boolean inside(OrgSpan s) {
      if (text == null) {
        return false;
      }
      int open = lastOpen[s.start()];
      if (open < 0) {
        return false;
      }
      int close = nextClose[open];
      if (close < s.end() || s.start() > 0 && lastClose[s.start() - 1] > open) {
        return false;
      }
      return !(open + 1 == s.start() && close == s.end());
    }
  }

  private static OrgSpan extend(String text, List<Token> tokens, OrgSpan s) {
    int start = CompoundRules.placePrefixStart(text, tokens, s.start());
    if (start != s.start()) {
      return new OrgSpan(start, s.end(), s.confidence(), s.source() + "+place");
    }
    start = CompoundRules.bracketedCityStart(text, tokens, s.start(), s.end());
    return start == s.start() ? s : new OrgSpan(start, s.end(), s.confidence(), s.source() + "+brand");
  }

  private static void sourceLines(String text, List<Token> tokens, List<OrgSpan> out) {
    Matcher m = SOURCE_LINE.matcher(text);
    boolean sourceWords = text.indexOf("来源") >= 0 || text.indexOf("稿源") >= 0 || text.indexOf("供稿") >= 0;
    while (sourceWords && m.find()) {
      String name = SOURCE_TAIL.matcher(m.group(1)).replaceFirst("");
      if (name.length() >= 2 && Character.isIdeographic(name.charAt(0))) {
        out.add(new OrgSpan(m.start(1), m.start(1) + name.length(), 0.7, "source"));
      }
    }
    // the dateline patterns only near each 日电 / 讯: a scan of the whole text from every blank
    // costs about 1 % of the enrichment
    for (int at = text.indexOf('日'); at >= 0; at = text.indexOf('日', at + 1)) {
      if (at + 1 < text.length() && (text.charAt(at + 1) == '电' || text.charAt(at + 1) == '讯')) {
        m = near(WIRE_DATELINE, text, at - WIRE_REACH, at + 2);
        while (m.find()) {
          int outlet = m.end() == at + 2 ? outletEnd(text, tokens, m.start(1), m.end(1)) : -1;
          if (outlet > 0) {
            out.add(new OrgSpan(m.start(1), outlet, 0.7, "source"));
          }
        }
      }
    }
    for (int at = text.indexOf('讯'); at >= 0; at = text.indexOf('讯', at + 1)) {
      m = near(DATELINE, text, at - DATELINE_REACH, at + 1 + DATELINE_REACH);
      while (m.find()) {
        if (m.end(1) == at || m.end(1) == at - 1) {
          out.add(new OrgSpan(m.start(1), m.end(1), 0.7, "source"));
        }
      }
    }
  }

  /**
   * Where the outlet of a wire dateline text[from, to) (outlet, then an optional place) ends: the
   * longest prefix ending in 社/网/报/台/新闻 at a word boundary after which only place words
   * follow (新华网 + 台北, not 新华网台 + 北; 红网时刻新闻 whole); -1 for none or for the paper's
   * own voice (本报讯, 本网北京3月2日电).
   */
  private static int outletEnd(String text, List<Token> tokens, int from, int to) {
    if (text.charAt(from) == '本') {
      return -1;
    }
    for (int e = to; e >= from + 2; e--) {
      boolean outletLike = false;
      for (String end : OUTLET_ENDS) {
        outletLike |= text.startsWith(end, e - end.length());
      }
      if (outletLike && (e == to || placesOnly(tokens, e, to))) {
        return e;
      }
    }
    return -1;
  }

  /** True when text[from, to) is exactly a run of place words. */
  private static boolean placesOnly(List<Token> tokens, int from, int to) {
    int t = CharFeatures.firstToken(tokens, from);
    if (t >= tokens.size() || tokens.get(t).start() != from) {
      return false;
    }
    for (; t < tokens.size() && tokens.get(t).end() <= to; t++) {
      if (!CompoundRules.isPlace(tokens.get(t))) {
        return false;
      }
      if (tokens.get(t).end() == to) {
        return true;
      }
    }
    return false;
  }

  /**
   * A row of a page's navigation or footer that is just a site or magazine (• 南方网, 中國政府網):
   * a line of two to four words, 3-10 letters after any bullet, the last word 网 or 杂志, none of
   * the others a verb, function word or number.
   */
  private static void outletRows(String text, List<Token> tokens, List<OrgSpan> out) {
    int t = 0;
    for (int from = 0; from < text.length(); ) {
      int eol = text.indexOf('\n', from);
      int to = eol < 0 ? text.length() : eol;
      while (t < tokens.size() && tokens.get(t).end() <= from) {
        t++;
      }
      int first = t;
      while (first < tokens.size() && tokens.get(first).end() <= to && tokens.get(first).isPunctuation()) {
        first++;
      }
      int last = first;
      while (last < tokens.size() && tokens.get(last).end() <= to) {
        last++;
      }
      last--;
      if (last - first >= 1 && last - first <= 3 && first < tokens.size()) {
        Token head = tokens.get(last);
        int start = tokens.get(first).start();
        boolean named = (head.word().equals("网") || head.word().equals("杂志"))
            && head.end() - start >= 3 && head.end() - start <= 10 && text.substring(head.end(), to).isBlank();
        for (int k = first; named && k < last; k++) {
          named = !CompoundRules.isFunctionOrVerb(tokens.get(k));
        }
        if (named) {
          out.add(new OrgSpan(start, head.end(), 0.7, "source"));
        }
      }
      from = to + 1;
    }
  }

  /** A matcher of {@code p} confined to text[from, to) (clamped), seeing the text around it. */
  private static Matcher near(Pattern p, String text, int from, int to) {
    return p.matcher(text).region(Math.max(0, from), Math.min(text.length(), to))
        .useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * Known names always count unless a longer candidate contains them; other candidates are taken
   * longest first and dropped where they overlap something already taken. Linear in the names
   * and the text (a page of tens of thousands of names is no pair-by-pair comparison).
   */
  private static List<OrgSpan> merge(List<OrgSpan> candidates, List<OrgSpan> known) {
    List<OrgSpan> all = new ArrayList<>(candidates);
    all.sort((a, b) -> a.length() != b.length() ? Integer.compare(b.length(), a.length())
        : Double.compare(b.confidence(), a.confidence()));
    int size = 1;
    for (OrgSpan s : all) {
      size = Math.max(size, s.end() + 1);
    }
    for (OrgSpan k : known) {
      size = Math.max(size, k.end() + 1);
    }
    // a candidate contains k and is longer: it starts before k and reaches k's end, or starts
    // where k starts and ends after it
    int[] endBefore = new int[size + 1]; // max end of the candidates starting before i
    int[] endAt = new int[size]; // max end of the candidates starting at i
    for (OrgSpan c : all) {
      endAt[c.start()] = Math.max(endAt[c.start()], c.end());
    }
    for (int i = 1; i <= size; i++) {
      endBefore[i] = Math.max(endBefore[i - 1], endAt[i - 1]);
    }
    List<OrgSpan> taken = new ArrayList<>();
    boolean[] used = new boolean[size];
    for (OrgSpan k : known) {
      if (endBefore[k.start()] < k.end() && endAt[k.start()] <= k.end()) {
        taken.add(k);
        java.util.Arrays.fill(used, k.start(), k.end(), true);
      }
    }
    for (OrgSpan c : all) {
      boolean free = true;
      for (int i = c.start(); i < c.end() && free; i++) {
        free = !used[i];
      }
      if (free) {
        taken.add(c);
        java.util.Arrays.fill(used, c.start(), c.end(), true);
      }
    }
    taken.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return taken;
  }

  private static boolean isLatin(String text, OrgSpan s) {
    for (int i = s.start(); i < s.end(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Counts by source, for diagnostics. */
  static Map<String, Integer> sources(List<OrgSpan> spans) {
    Map<String, Integer> m = new HashMap<>();
    for (OrgSpan s : spans) {
      m.merge(s.source(), 1, Integer::sum);
    }
    return m;
  }
}
