package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.enrich.core.org.OrgSpan;
import io.articlepipeline.enrich.core.text.AnalysisText;
import io.articlepipeline.enrich.core.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key phrases: runs of noun-like words (never single characters) and quoted names, scored by
 * frequency, position, a title bonus and rarity in a background corpus (document
 * frequencies); a phrase that only ever occurs inside a better one is not repeated.
 */
public final class KeywordExtractor {

  static final int MAX_WORDS = 4;
  static final int MAX_CHARS = 12;
  private static final Pattern QUOTED = Pattern.compile("[“\"《‘「『]([^”\"》’」』\\n“‘]{2,10})[”\"》’」』]");
  static final Set<String> STOP = Set.of(
      "工作", "活动", "时间", "方面", "问题", "情况", "人员", "部门", "今年", "去年", "目前", "记者", "编辑",
      "同时", "期间", "单位", "地方", "时候", "形式", "作用", "过程", "基础", "全国", "全市", "全区", "全省",
      "现场", "负责人", "代表", "领导", "群众", "大家", "我们", "他们", "人们", "内容", "方式", "措施", "要求",
      "水平", "能力", "程度", "力量", "意义", "目标", "任务", "重点", "关键", "特色", "平台", "资源",
      "来源", "作者", "正文", "首页", "图片", "视频", "网友", "本报", "本网", "日电", "新闻", "消息", "结果",
      "方法", "研究", "分析", "基础上", "影响", "本文", "因素", "特点", "效果", "条件", "数据", "我国", "中国",
      "系统", "模型", "技术", "发展", "服务", "社会", "文明", "志愿", "公益", "一种", "采用", "具有", "进行");
  /** Words a multi-word phrase may not begin or end with. */
  static final Set<String> EDGE_WORDS = Set.of(
      "工作", "活动", "时间", "方面", "问题", "情况", "人员", "部门", "今年", "去年", "目前", "记者", "编辑",
      "同时", "期间", "时候", "形式", "作用", "过程", "现场", "负责人", "领导", "大家", "我们", "他们", "内容",
      "方式", "要求", "意义", "来源", "作者", "本报", "本网", "日电", "进行", "一种", "采用", "具有", "通过",
      "开展", "举行", "举办", "参加", "表示", "介绍", "实现", "提高", "加强", "推动", "积极", "主要", "相关",
      "先生", "女士", "会长", "书记", "主任", "局长", "院长", "校长", "总裁", "董事长", "秘书长", "副");

  private final DocumentFrequencies background;
  private final double[] ranker;

  /**
   * @param background document frequencies of a background corpus, or null
   * @param ranker     weights of the trained candidate ranker, or null for the heuristic score
   */
  public KeywordExtractor(DocumentFrequencies background, double[] ranker) {
    this.background = background;
    this.ranker = ranker;
  }

  /** Receives candidate phrases: analysis offsets, lower-case key, number of words. */
  public interface CandidateSink {
    void accept(int start, int end, String key, int words, Token first, Token last);
  }

  /** Phrase candidates of a token sequence; {@code content} may be null (all content). */
  public static void candidates(List<Token> tokens, boolean[] content, CandidateSink sink) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      Token first = tokens.get(i);
      if (content != null && !content[first.start()] || !canStart(first)) {
        continue;
      }
      key.setLength(0);
      boolean nouny = false;
      for (int j = i; j < tokens.size() && j < i + MAX_WORDS; j++) {
        Token t = tokens.get(j);
        if (t.isPunctuation() || (j > i && t.start() != tokens.get(j - 1).end())
            || j > i && INTERIOR_STOP.contains(t.pos())) {
          break;
        }
        key.append(t.word());
        if (key.length() > MAX_CHARS) {
          break;
        }
        nouny |= isNounLike(t) || t.pos().equals("vn") || j > i && t.word().length() == 1;
        int words = j - i + 1;
        boolean ok = words == 1
            ? t.word().length() >= 2 && isKeywordWord(t) && !STOP.contains(t.word())
            : nouny && canEnd(t, tokens.get(j - 1)) && !EDGE_WORDS.contains(t.word())
                && !EDGE_WORDS.contains(first.word());
        if (ok) {
          sink.accept(first.start(), t.end(), key.toString().toLowerCase(), words, first, t);
        }
      }
    }
  }

  private static final Set<String> FUNCTION_POS = Set.of("u", "ud", "ude1", "ude2", "ude3", "udeng", "udh",
      "ule", "uguo", "ulian", "uls", "uyy", "uzhe", "uzhi", "p", "pba", "pbei", "c", "cc", "r", "rr", "ry", "rys",
      "ryt", "ryv", "rz", "rzs", "rzt", "rzv", "rg", "y", "e", "o", "w", "vshi", "vyou", "nr", "nr1", "nr2", "nrf",
      "nrj", "x", "xu", "xx", "h");
  private static final Set<String> INTERIOR_STOP = union(FUNCTION_POS, Set.of("d", "dl", "dg", "vd"));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  private static boolean canStart(Token t) {
    String pos = t.pos();
    if (FUNCTION_POS.contains(pos) || pos.startsWith("m") || pos.startsWith("d") || pos.equals("q")
        || pos.equals("f") || pos.equals("k") || pos.equals("t") && t.word().length() < 3) {
      return false;
    }
    return !(t.word().length() == 1 && pos.startsWith("v"));
  }

  private static boolean canEnd(Token t, Token before) {
    String pos = t.pos();
    if (FUNCTION_POS.contains(pos) && !pos.equals("usuo") || pos.startsWith("m") || pos.startsWith("d")) {
      return false;
    }
    if ((pos.equals("q") || pos.equals("qv") || pos.equals("qt")) && before.pos().startsWith("m")) {
      return false;
    }
    return !(pos.equals("f") && t.word().length() == 1);
  }

  private static boolean isKeywordWord(Token t) {
    String pos = t.pos();
    return isNounLike(t) || pos.equals("l") || pos.equals("vl") || pos.equals("i") || pos.equals("j")
        || pos.equals("nz") || pos.equals("vn") || pos.equals("gi") || pos.equals("t") && t.word().length() >= 3;
  }

  /**
   * @param text      the analysed body
   * @param tokens    its tokens
   * @param content   per analysis character: true where it belongs to article content
   * @param titleText the title's analysis text (may be empty)
   * @param title     tokens of the title
   * @param limit     how many keywords to return at most
   */
  public List<Keyword> extract(AnalysisText text, List<Token> tokens, boolean[] content,
      AnalysisText titleText, List<Token> title, List<OrgSpan> orgs, int limit) {
    if (mostlyLatin(text.text())) {
      StringBuilder contentText = new StringBuilder(text.text().length());
      StringBuilder contentSurface = new StringBuilder(text.text().length());
      for (int i = 0; i < text.text().length(); i++) {
        boolean in = content[i];
        contentText.append(in ? text.text().charAt(i) : '\n');
        contentSurface.append(in ? text.surface().charAt(text.surfaceOffset(i)) : '\n');
      }
      return EnglishKeywords.extract(contentText.toString(), contentSurface.toString(),
          titleText == null ? null : titleText.text(), limit);
    }
    Map<String, Candidate> candidates = collect(text, tokens, content, titleText, title, orgs, ranker != null);
    return select(candidates, ranker, limit);
  }

  /** Candidate features of a (Chinese) text, for training the ranker: key -> features. */
  public Map<String, double[]> features(AnalysisText text, List<Token> tokens, boolean[] content,
      AnalysisText titleText, List<Token> title, List<OrgSpan> orgs) {
    Map<String, double[]> out = new HashMap<>();
    if (mostlyLatin(text.text())) {
      return out;
    }
    for (Map.Entry<String, Candidate> e : collect(text, tokens, content, titleText, title, orgs, true).entrySet()) {
      out.put(e.getKey(), e.getValue().features);
    }
    return out;
  }

  /** Ranks candidates by a weight vector and returns the top keys after dropping redundant ones. */
  public static List<String> rank(Map<String, double[]> features, double[] weights, int limit) {
    Map<String, Candidate> candidates = new HashMap<>();
    for (Map.Entry<String, double[]> e : features.entrySet()) {
      Candidate c = new Candidate(e.getKey(), 1);
      c.features = e.getValue();
      c.weight = Math.expm1(e.getValue()[2]);
      candidates.put(e.getKey(), c);
    }
    List<String> out = new ArrayList<>();
    for (Keyword k : select(candidates, weights, limit)) {
      out.add(k.text());
    }
    return out;
  }

  private Map<String, Candidate> collect(AnalysisText text, List<Token> tokens, boolean[] content,
      AnalysisText titleText, List<Token> title, List<OrgSpan> orgs, boolean withFeatures) {
    Map<String, Candidate> candidates = new HashMap<>();
    int length = Math.max(1, text.text().length());
    // an organization's name is one unit: no phrase may start or end inside it
    int[] inside = new int[text.text().length() + 1];
    for (OrgSpan o : orgs) {
      for (int i = o.start() + 1; i < o.end(); i++) {
        inside[i] = 1;
      }
    }
    List<Occurrence> occurrences = new ArrayList<>();
    candidates(tokens, content, (start, end, key, words, first, last) -> {
      if (inside[start] == 1 || inside[end] == 1) {
        return;
      }
      Candidate c = candidates.computeIfAbsent(key, k -> new Candidate(text.surfaceChars(start, end), words));
      if (c.count == 0) {
        c.firstPosition = (double) start / length;
        c.firstPos = first.pos();
        c.lastPos = last.pos();
      }
      c.weight += 1.0 + POS_WEIGHT * (1.0 - (double) start / length);
      c.count++;
      if (withFeatures) {
        occurrences.add(new Occurrence(start, end, c));
      }
    });
    if (withFeatures) {
      nesting(occurrences);
    }
    for (OrgSpan o : orgs) {
      if (content[o.start()] && o.length() <= 16) {
        String key = text.text().substring(o.start(), o.end()).toLowerCase();
        Candidate c = candidates.computeIfAbsent(key, k -> new Candidate(text.surfaceChars(o.start(), o.end()), 3));
        c.weight += ORG_WEIGHT;
        c.org = true;
        if (c.count == 0) {
          c.count = 1;
          c.firstPosition = (double) o.start() / length;
        }
      }
    }
    Matcher q = QUOTED.matcher(text.text());
    while (q.find()) {
      if (content[q.start(1)]) {
        String key = q.group(1).toLowerCase();
        Candidate c = candidates.computeIfAbsent(key, k -> new Candidate(text.surfaceChars(q.start(1), q.end(1)), 2));
        c.weight += 1.0;
        c.quoted = true;
        if (c.count == 0) {
          c.count = 1;
          c.firstPosition = (double) q.start() / length;
        }
      }
    }
    if (titleText != null && !titleText.text().isEmpty()) {
      String lowerTitle = titleText.text().toLowerCase();
      candidates(title, null, (start, end, key, words, first, last) -> {
        Candidate c = candidates.computeIfAbsent(key,
            k -> new Candidate(titleText.surfaceChars(start, end), words));
        c.inTitle = true;
        if (c.firstPos == null) {
          c.firstPos = first.pos();
          c.lastPos = last.pos();
        }
      });
      for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
        if (lowerTitle.contains(e.getKey())) {
          e.getValue().inTitle = true;
        }
      }
    }
    for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
      Candidate c = e.getValue();
      c.score = heuristic(e.getKey(), c);
      if (withFeatures) {
        c.features = features(e.getKey(), c);
      }
    }
    return candidates;
  }

  private double heuristic(String k, Candidate c) {
    double idf = background == null ? 1.0 : background.idf(k);
    double lengthWeight = Math.min(k.length(), 8) / 4.0;
    double single = c.words > 1 && c.count < 2 && !c.inTitle && !c.quoted ? ONCE_PENALTY : 1.0;
    if (c.words > 1 && c.count < 3 && !c.inTitle && !c.quoted && (isVerb(c.firstPos) || isVerb(c.lastPos))) {
      single *= VERB_PENALTY;
    }
    return single * (Math.pow(c.weight, TF_POWER) + (c.inTitle ? TITLE_BONUS : 0)) * Math.pow(idf, IDF_POWER)
        * Math.pow(lengthWeight, LEN_POWER) * (c.quoted ? QUOTE_BONUS : 1.0);
  }

  /** Number of ranking features; see {@link #features(String, Candidate)}. */
  public static final int FEATURES = 24;

  private double[] features(String k, Candidate c) {
    double[] f = new double[FEATURES];
    double len = k.length() / 10.0;
    f[0] = 1;
    f[1] = Math.log1p(c.count);
    f[2] = Math.log1p(c.weight);
    f[3] = c.firstPosition;
    f[4] = c.inTitle ? 1 : 0;
    f[5] = c.quoted ? 1 : 0;
    f[6] = c.org ? 1 : 0;
    f[7] = background == null ? 1 : background.idf(k) / 5.0;
    f[8] = background != null && background.df(k) == 0 ? 1 : 0;
    f[9] = len;
    f[10] = len * len;
    f[11] = c.words == 1 ? 1 : 0;
    f[12] = c.words == 2 ? 1 : 0;
    f[13] = c.words >= 3 ? 1 : 0;
    f[14] = c.containers == null ? 0 : Math.log1p(c.containers.size());
    f[15] = c.containers == null || c.count == 0 ? 0 : Math.min(3, c.nestedWeight / c.count);
    f[16] = c.count <= 1 ? 1 : 0;
    f[17] = c.lastPos != null && c.lastPos.startsWith("n") ? 1 : 0;
    f[18] = c.lastPos != null && c.lastPos.startsWith("v") && !c.lastPos.equals("vn") ? 1 : 0;
    f[19] = c.firstPos != null && c.firstPos.startsWith("v") && !c.firstPos.equals("vn") ? 1 : 0;
    f[20] = hasLatinOrDigit(k) ? 1 : 0;
    f[21] = Math.log1p(c.score);
    f[22] = c.firstPos != null && (c.firstPos.equals("a") || c.firstPos.equals("b")) ? 1 : 0;
    f[23] = k.length() == 2 ? 1 : 0;
    return f;
  }

  private static boolean isVerb(String pos) {
    return pos != null && pos.startsWith("v") && !pos.equals("vn");
  }

  private static boolean hasLatinOrDigit(String k) {
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) < 0x80) {
        return true;
      }
    }
    return false;
  }

  private static List<Keyword> select(Map<String, Candidate> candidates, double[] weights, int limit) {
    List<Map.Entry<String, Candidate>> ranked = new ArrayList<>(candidates.entrySet());
    if (weights != null) {
      for (Map.Entry<String, Candidate> e : ranked) {
        double z = 0;
        double[] f = e.getValue().features;
        for (int i = 0; i < weights.length && i < f.length; i++) {
          z += weights[i] * f[i];
        }
        e.getValue().score = 1.0 / (1.0 + Math.exp(-z));
      }
    }
    ranked.sort((a, b) -> Double.compare(b.getValue().score, a.getValue().score));
    List<Keyword> out = new ArrayList<>(limit);
    List<String> chosen = new ArrayList<>();
    for (Map.Entry<String, Candidate> e : ranked) {
      if (out.size() >= limit) {
        break;
      }
      String k = e.getKey();
      Candidate c = e.getValue();
      if (redundant(k, c, chosen, candidates)) {
        continue;
      }
      chosen.add(k);
      out.add(new Keyword(c.surface, Math.round(c.score * 1000) / 1000.0));
    }
    return out;
  }

  static final double ONCE_PENALTY = Double.parseDouble(System.getProperty("x.once", "0.3"));
  static final double VERB_PENALTY = Double.parseDouble(System.getProperty("x.verb", "0.4"));
  static final double OVERLAP = Double.parseDouble(System.getProperty("x.overlap", "0.6"));
  static final double NEST = Double.parseDouble(System.getProperty("x.nest", "1.0"));
  static final double FLOOR = Double.parseDouble(System.getProperty("x.floor", "0.2"));
  static final double TF_POWER = Double.parseDouble(System.getProperty("x.tf", "1.0"));
  static final double POS_WEIGHT = Double.parseDouble(System.getProperty("x.pos", "0.5"));
  static final double ORG_WEIGHT = Double.parseDouble(System.getProperty("x.org", "0.7"));
  static final double TITLE_BONUS = Double.parseDouble(System.getProperty("x.title", "1.5"));
  static final double IDF_POWER = Double.parseDouble(System.getProperty("x.idf", "1.0"));
  static final double LEN_POWER = Double.parseDouble(System.getProperty("x.len", "1.0"));
  static final double QUOTE_BONUS = Double.parseDouble(System.getProperty("x.quote", "1.2"));

  /** A phrase inside a chosen one that never occurs without it, or a chosen one's fragment. */
  private static boolean redundant(String k, Candidate c, List<String> chosen, Map<String, Candidate> all) {
    for (String other : chosen) {
      if (other.contains(k) && all.get(other).weight >= c.weight * 0.8) {
        return true;
      }
      if (k.contains(other) && all.get(other).weight <= c.weight * 1.2) {
        return true;
      }
      if (!other.contains(k) && !k.contains(other) && OVERLAP < 1
          && commonSubstring(k, other) >= Math.max(3, OVERLAP * Math.min(k.length(), other.length()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mostlyLatin(String text) {
    int latin = 0;
    int han = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 && Character.isLetter(c)) {
        latin++;
      } else if (Character.isIdeographic(c)) {
        han++;
      }
    }
    return latin > 4 * han;
  }

  /** Length of the longest common substring (short strings: plain dynamic programming). */
  static int commonSubstring(String a, String b) {
    int best = 0;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : 0;
        best = Math.max(best, cur[j]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return best;
  }

  static boolean isNounLike(Token t) {
    String pos = t.pos();
    if (t.isPunctuation()) {
      return false;
    }
    if (pos.startsWith("nr") || pos.equals("nx") && t.word().length() < 2) {
      return false;
    }
    if (pos.startsWith("n") || pos.startsWith("g")) {
      return true;
    }
    return pos.equals("vn") || pos.equals("an") || pos.equals("b") && t.word().length() >= 2;
  }

  private record Occurrence(int start, int end, Candidate candidate) {
  }

  /** For each candidate: which longer candidates contain its occurrences, and how often. */
  private static void nesting(List<Occurrence> occurrences) {
    occurrences.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    for (int i = 0; i < occurrences.size(); i++) {
      Occurrence outer = occurrences.get(i);
      for (int j = i + 1; j < occurrences.size() && occurrences.get(j).start() < outer.end(); j++) {
        Occurrence inner = occurrences.get(j);
        if (inner.end() <= outer.end() && inner.candidate() != outer.candidate()) {
          Candidate c = inner.candidate();
          if (c.containers == null) {
            c.containers = new java.util.HashSet<>();
          }
          if (c.containers.add(outer.candidate())) {
            c.nestedWeight += outer.candidate().count;
          }
        }
      }
      // the same occurrence start with a shorter end: walk back is not needed (sorted longest first)
    }
  }

  private static final class Candidate {
    Set<Candidate> containers;
    double nestedWeight;
    final String surface;
    final int words;
    double weight;
    int count;
    double firstPosition;
    String firstPos;
    String lastPos;
    boolean org;
    double[] features;
    boolean inTitle;
    boolean quoted;
    double score;

    Candidate(String surface, int words) {
      this.surface = surface;
      this.words = words;
    }
  }
}
