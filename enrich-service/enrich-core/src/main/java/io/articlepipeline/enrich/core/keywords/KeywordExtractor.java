package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.enrich.core.text.Scripts;
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
      "系统", "模型", "技术", "发展", "服务", "社会", "文明", "志愿", "公益", "一种", "采用", "具有", "进行",
      // titles of office say who spoke, not what about
      "总裁", "副总裁", "书记", "副书记", "董事长", "总经理", "副总经理", "局长", "副局长", "主任", "副主任",
      "校长", "副校长", "院长", "副院长", "秘书长", "会长", "副会长", "理事长", "部长", "厅长", "市长", "县长",
      "区长", "镇长", "主席", "副主席", "常委", "先生", "女士", "将军",
      // contact lines
      "e-mail", "email", "tel", "fax", "qq", "www", "http", "https");
  /** Words a multi-word phrase may not begin or end with. */
  static final Set<String> EDGE_WORDS = Set.of(
      "工作", "活动", "时间", "方面", "问题", "情况", "人员", "部门", "今年", "去年", "目前", "记者", "编辑",
      "同时", "期间", "时候", "形式", "作用", "过程", "现场", "负责人", "领导", "大家", "我们", "他们", "内容",
      "方式", "要求", "意义", "来源", "作者", "本报", "本网", "日电", "进行", "一种", "采用", "具有", "通过",
      "开展", "举行", "举办", "参加", "表示", "介绍", "实现", "提高", "加强", "推动", "积极", "主要", "相关",
      "先生", "女士", "会长", "书记", "主任", "局长", "院长", "校长", "总裁", "董事长", "秘书长", "副");

  private final DocumentFrequencies background;

  /** @param background document frequencies of a background corpus, or null */
  public KeywordExtractor(DocumentFrequencies background) {
    this.background = background;
  }

  /** Receives candidate phrases: analysis offsets, lower-case key, number of words. */
  public interface CandidateSink {
    void accept(int start, int end, String key, int words, Token first, Token last);
  }

  /** Phrase candidates of a token sequence; {@code content} may be null (all content). */
  public static void candidates(String text, List<Token> tokens, boolean[] content, CandidateSink sink) {
    candidates(text, tokens, flags(tokens), content, sink);
  }

  static void candidates(String text, List<Token> tokens, int[] flags, boolean[] content, CandidateSink sink) {
    for (int i = 0; i < tokens.size(); i++) {
      Token first = tokens.get(i);
      int ff = flags[i];
      if (content != null && !content[first.start()] || (ff & CAN_START) == 0 || (ff & BOUND_SINGLE) != 0) {
        continue;
      }
      boolean nouny = false;
      for (int j = i; j < tokens.size() && j < i + MAX_WORDS; j++) {
        Token t = tokens.get(j);
        int f = flags[j];
        if ((f & PUNCT) != 0 || j > i && (t.start() != tokens.get(j - 1).end()
            || (f & (INTERIOR | BOUND_SINGLE)) != 0)) {
          break;
        }
        if (t.end() - first.start() > MAX_CHARS) {
          break;
        }
        nouny |= (f & NOUNY) != 0 || j > i && t.word().length() == 1;
        int words = j - i + 1;
        boolean ok = words == 1
            ? (f & SINGLE_KEYWORD) != 0
            : nouny && (f & CAN_END) != 0 && (f & EDGE) == 0 && (ff & EDGE) == 0;
        if (ok) {
          sink.accept(first.start(), t.end(), lower(text.substring(first.start(), t.end())), words, first, t);
        }
      }
    }
  }

  // per-token properties, computed once per text (the POS and word sets are hash lookups)
  static final int PUNCT = 1;
  static final int INTERIOR = 1 << 1;
  /** A single character bound to the word before it: a measure word after a number, a surname after a title. */
  static final int BOUND_SINGLE = 1 << 2;
  static final int CAN_START = 1 << 3;
  static final int CAN_END = 1 << 4;
  static final int NOUNY = 1 << 5;
  static final int SINGLE_KEYWORD = 1 << 6;
  static final int EDGE = 1 << 7;
  static final int LOOSE_START = 1 << 8;
  static final int LOOSE_STOP = 1 << 9;
  static final int VERB = 1 << 10;
  static final int GLUE = 1 << 11;

  /** The properties the candidate rules ask of each token, as bits. */
  static int[] flags(List<Token> tokens) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      Token t = tokens.get(i);
      String word = t.word();
      boolean punct = t.isPunctuation();
      boolean beforeNumeral = i > 0 && tokens.get(i - 1).pos().startsWith("m");
      int shape = Math.min(word.length(), 3) - 1 | (punct ? 4 : 0)
          | (Character.isIdeographic(word.charAt(0)) ? 8 : 0) | (beforeNumeral ? 16 : 0);
      int[] byShape = SHAPE_FLAGS.computeIfAbsent(t.pos(), k -> newShapeTable());
      int f = byShape[shape];
      if (f < 0) {
        f = shapeFlags(t, beforeNumeral ? NUMERAL : OTHER);
        byShape[shape] = f;
      }
      if (i > 0 && word.length() == 1 && tokens.get(i - 1).end() == t.start()
          && (beforeNumeral || tokens.get(i - 1).pos().equals("nnt"))) {
        // 109/名: a measure word; 校长/李, 主席/林: a surname HanLP left alone after a title
        f |= BOUND_SINGLE;
      }
      if ((f & SINGLE_KEYWORD) != 0 && STOP.contains(lower(word))) {
        f &= ~SINGLE_KEYWORD;
      }
      if (t.pos().startsWith("t") && hasDigit(word)) {
        // a date (12月, 2016年): never a keyword nor part of one (新华社北京9月)
        f = (f | INTERIOR) & ~(CAN_START | CAN_END | SINGLE_KEYWORD | NOUNY | LOOSE_START);
      }
      if (EDGE_WORDS.contains(word)) {
        f |= EDGE;
      }
      if (word.length() == 2 && word.charAt(1) == '的') {
        // 中的, 上的: HanLP glues a locative to the particle; the phrase ends before it
        f = (f | INTERIOR | LOOSE_STOP) & ~(CAN_START | CAN_END | SINGLE_KEYWORD | NOUNY | LOOSE_START);
      }
      out[i] = f;
    }
    return out;
  }

  /**
   * The token bits that depend only on its tag and shape (length 1, 2 or more, punctuation,
   * Han first character, a number before it), cached per tag: the rules below are set lookups
   * and string tests, too slow to repeat for every token.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, int[]> SHAPE_FLAGS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Stand-ins for the token before, of which {@link #canEnd} only asks whether it is a number. */
  private static final Token NUMERAL = new Token("一", "m", 0, 1);
  private static final Token OTHER = new Token("的", "x", 0, 1);

  private static int[] newShapeTable() {
    int[] table = new int[32];
    java.util.Arrays.fill(table, -1);
    return table;
  }

  private static int shapeFlags(Token t, Token before) {
    String pos = t.pos();
    int f = 0;
    if (t.isPunctuation()) {
      f |= PUNCT;
    }
    if (INTERIOR_STOP.contains(pos)) {
      f |= INTERIOR;
    }
    if (canStart(t)) {
      f |= CAN_START;
    }
    if (canEnd(t, before)) {
      f |= CAN_END;
    }
    if (isNounLike(t) || pos.equals("vn")) {
      f |= NOUNY;
    }
    if (t.word().length() >= 2 && isKeywordWord(t)) {
      f |= SINGLE_KEYWORD;
    }
    if (looseStart(t)) {
      f |= LOOSE_START;
    }
    if (FUNCTION_POS.contains(pos) && !pos.equals("vyou")) {
      f |= LOOSE_STOP;
    }
    if (isVerb(pos)) {
      f |= VERB;
    }
    if (isGlue(t)) {
      f |= GLUE;
    }
    return f;
  }

  /**
   * Runs of 2 to {@link #MAX_WORDS}+1 adjacent words that HanLP's tags would not let through
   * (a verb, adverb or measure word inside, 筹募/v 会/v, 电压/n 暂/d 降/v), offered only when
   * the same string recurs in the text: a repeated run is a term the segmenter split.
   */
  static void repeatedRuns(String text, List<Token> tokens, boolean[] content, CandidateSink sink) {
    repeatedRuns(text, tokens, flags(tokens), content, sink);
  }

  static void repeatedRuns(String text, List<Token> tokens, int[] flags, boolean[] content, CandidateSink sink) {
    Map<String, int[]> seen = new HashMap<>();
    List<Object[]> runs = new ArrayList<>();
    int maxWords = MAX_WORDS + 1;
    // a run can only recur if each of its words does: most runs are never built
    Map<String, int[]> words = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      if ((flags[i] & PUNCT) == 0) {
        words.computeIfAbsent(tokens.get(i).word(), k -> new int[1])[0]++;
      }
    }
    boolean[] recurs = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      recurs[i] = (flags[i] & PUNCT) == 0 && words.get(tokens.get(i).word())[0] >= 2;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token first = tokens.get(i);
      int ff = flags[i];
      if (content != null && !content[first.start()] || (ff & LOOSE_START) == 0 || !recurs[i]
          || (ff & BOUND_SINGLE) != 0) {
        continue;
      }
      for (int j = i + 1; j < tokens.size() && j < i + maxWords; j++) {
        Token t = tokens.get(j);
        int f = flags[j];
        if ((f & PUNCT) != 0 || !recurs[j] || t.start() != tokens.get(j - 1).end()
            || (f & (BOUND_SINGLE | LOOSE_STOP)) != 0 || t.end() - first.start() > MAX_CHARS) {
          break;
        }
        if (t.end() - first.start() < 3 || (f & CAN_END) == 0 || (f & EDGE) != 0 || (ff & EDGE) != 0) {
          continue;
        }
        String key = lower(text.substring(first.start(), t.end()));
        int[] n = seen.computeIfAbsent(key, k -> new int[1]);
        n[0]++;
        runs.add(new Object[] {key, first, t, j - i + 1});
      }
    }
    for (Object[] r : runs) {
      String key = (String) r[0];
      if (seen.get(key)[0] >= 2) {
        Token first = (Token) r[1];
        Token last = (Token) r[2];
        sink.accept(first.start(), last.end(), key, (Integer) r[3], first, last);
      }
    }
  }

  /**
   * A single character right after a number is its measure word (109/名, 2017/年, 十/届), one
   * right after a title of office a surname HanLP left alone (校长/李, 主席/林): a phrase may
   * neither start with it nor run across into it.
   */
  static boolean boundSingle(List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    Token t = tokens.get(i);
    Token before = tokens.get(i - 1);
    return t.word().length() == 1 && before.end() == t.start()
        && (before.pos().startsWith("m") || before.pos().equals("nnt"));
  }

  static boolean looseStart(Token t) {
    String pos = t.pos();
    if (t.isPunctuation() || FUNCTION_POS.contains(pos) || pos.startsWith("d") && t.word().length() < 2
        || pos.equals("f") || pos.equals("k")
        || pos.startsWith("m") && !Character.isIdeographic(t.word().charAt(0))) {
      return false;
    }
    return !(t.word().length() == 1 && pos.startsWith("v"));
  }

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Lower case without allocating when there is nothing to lower (Chinese text). */
  static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z' || c > 0x7f && Character.isUpperCase(c)) {
        return s.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return s;
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

  static boolean canStart(Token t) {
    String pos = t.pos();
    if (FUNCTION_POS.contains(pos) || pos.startsWith("m") || pos.startsWith("d") || pos.equals("q")
        || pos.equals("f") || pos.equals("k") || pos.equals("t") && t.word().length() < 3) {
      return false;
    }
    return !(t.word().length() == 1 && pos.startsWith("v") && !pos.equals("vg"));
  }

  static boolean canEnd(Token t, Token before) {
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
    content = withoutAddresses(text.text(), content);
    if (Scripts.mostlyLatin(text.text())) {
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
    Map<String, Candidate> candidates = collect(text, tokens, content, titleText, title, orgs);
    return select(rank(candidates, limit * 4), candidates, limit);
  }

  /** Web and e-mail addresses: 网址:http://www.hfyggy.com/ names no topic (hfyggy). */
  private static final Pattern ADDRESS = Pattern.compile(
      "(?i)(?:https?://|www\\.)[\\w.~:/?#\\[\\]@!$&'*+,;=%-]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

  /** The content mask with web and e-mail addresses taken out (a copy; the original is untouched). */
  static boolean[] withoutAddresses(String text, boolean[] content) {
    Matcher m = ADDRESS.matcher(text);
    boolean[] out = null;
    while (m.find()) {
      if (out == null) {
        out = content.clone();
      }
      java.util.Arrays.fill(out, m.start(), m.end(), false);
    }
    return out == null ? content : out;
  }

  private Map<String, Candidate> collect(AnalysisText text, List<Token> tokens, boolean[] content,
      AnalysisText titleText, List<Token> title, List<OrgSpan> orgs) {
    Map<String, Candidate> candidates = new HashMap<>(tokens.size() * 4);
    int length = Math.max(1, text.text().length());
    // an organization's name is one unit: no phrase may start or end inside it
    int[] inside = new int[text.text().length() + 1];
    for (OrgSpan o : orgs) {
      for (int i = o.start() + 1; i < o.end(); i++) {
        inside[i] = 1;
      }
    }
    // a single glued character just before or after a phrase usually means the phrase is a
    // fragment of a longer word HanLP split (筹募/会, 现付/制)
    int[] flags = flags(tokens);
    boolean[] gluedBefore = new boolean[text.text().length() + 1];
    boolean[] gluedAfter = new boolean[text.text().length() + 1];
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean glue = (flags[i] & GLUE) != 0;
      if (i > 0 && glue && tokens.get(i - 1).end() == t.start()) {
        gluedAfter[t.start()] = true;
      }
      if (i + 1 < tokens.size() && glue && tokens.get(i + 1).start() == t.end()) {
        gluedBefore[t.end()] = true;
      }
    }
    // verbs[i]: how many verb tokens start before analysis offset i
    int[] verbs = new int[text.text().length() + 2];
    for (int i = 0; i < tokens.size(); i++) {
      if ((flags[i] & VERB) != 0) {
        verbs[tokens.get(i).start() + 1]++;
      }
    }
    for (int i = 1; i < verbs.length; i++) {
      verbs[i] += verbs[i - 1];
    }
    candidates(text.text(), tokens, flags, content, (start, end, key, words, first, last) -> {
      if (inside[start] == 1 || inside[end] == 1) {
        return;
      }
      Candidate c = candidates.get(key);
      if (c == null) {
        c = new Candidate(text, start, end, words);
        candidates.put(key, c);
      }
      if (words > 2 && verbs[last.start()] - verbs[first.start() + 1] > 0) {
        c.innerVerb = true;
      }
      if (!gluedBefore[start] && !gluedAfter[end]) {
        c.clean++;
      }
      if (c.count == 0) {
        c.firstPosition = (double) start / length;
        c.firstPos = first.pos();
        c.lastPos = last.pos();
      }
      c.weight += 1.0 + POS_WEIGHT * (1.0 - (double) start / length);
      c.count++;
    });
    // recurring runs the tag rules above reject; weighted lower than a regular phrase
    repeatedRuns(text.text(), tokens, flags, content, (start, end, key, words, first, last) -> {
      Candidate known = candidates.get(key);
      if (inside[start] == 1 || inside[end] == 1 || known != null && !known.loose) {
        return;
      }
      Candidate c = known;
      if (c == null) {
        c = new Candidate(text, start, end, words);
        c.loose = true;
        c.firstPosition = (double) start / length;
        c.firstPos = first.pos();
        c.lastPos = last.pos();
        candidates.put(key, c);
      }
      c.weight += REPEAT_WEIGHT * (1.0 + POS_WEIGHT * (1.0 - (double) start / length));
      c.count++;
      c.clean++;
    });
    for (OrgSpan o : orgs) {
      if (content[o.start()] && o.length() <= 16) {
        String key = text.text().substring(o.start(), o.end()).toLowerCase();
        Candidate c = candidates.computeIfAbsent(key, k -> new Candidate(text, o.start(), o.end(), 3));
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
        Candidate c = candidates.computeIfAbsent(key, k -> new Candidate(text, q.start(1), q.end(1), 2));
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
      candidates(titleText.text(), title, null, (start, end, key, words, first, last) -> {
        Candidate c = candidates.computeIfAbsent(key,
            k -> new Candidate(titleText, start, end, words));
        c.inTitle = true;
        if (c.firstPos == null) {
          c.firstPos = first.pos();
          c.lastPos = last.pos();
        }
      });
      // every candidate the title contains: look up the title's substrings rather than search
      // the title for each of the (many more) candidates
      int longest = 0;
      for (String k : candidates.keySet()) {
        longest = Math.max(longest, k.length());
      }
      for (int i = 0; i < lowerTitle.length(); i++) {
        for (int j = i + 1; j <= lowerTitle.length() && j - i <= longest; j++) {
          Candidate c = candidates.get(lowerTitle.substring(i, j));
          if (c != null) {
            c.inTitle = true;
          }
        }
      }
    }
    return candidates;
  }

  /** Everything but the background rarity: frequency, position, title, quotes, shape. */
  private static double baseScore(String k, Candidate c) {
    double lengthWeight = Math.min(k.length(), 8) / 4.0;
    double single = c.words > 1 && c.count < 2 && !c.inTitle && !c.quoted ? ONCE_PENALTY : 1.0;
    if (c.words > 1 && c.count < 3 && !c.inTitle && !c.quoted && (isVerb(c.firstPos) || isVerb(c.lastPos))) {
      single *= VERB_PENALTY;
    }
    if (c.innerVerb && c.count < 3 && !c.inTitle && !c.quoted && !c.org) {
      single *= INNER_VERB;
    }
    if (c.words == 1 && c.count < 2 && !c.inTitle && !c.quoted && "i".equals(c.firstPos)) {
      // an idiom said once is a flourish (慷慨解囊, 秋高气爽), not the topic
      single *= ONCE_PENALTY;
    }
    if (c.count > 0 && c.clean == 0 && !c.org && !c.quoted) {
      single *= FRAG_PENALTY;
    }
    return single * (c.weight + (c.inTitle ? TITLE_BONUS : 0)) * lengthWeight * (c.quoted ? QUOTE_BONUS : 1.0);
  }

  /**
   * Final scores (base x idf) for the candidates that can still reach the top: candidates are
   * visited by base score and the walk stops once even the rarest phrase could not beat the
   * current {@code keep}-th best, so most candidates never need a background lookup.
   */
  private List<Map.Entry<String, Candidate>> rank(Map<String, Candidate> candidates, int keep) {
    // a heap gives the candidates by base score without sorting all of them: the walk below
    // usually stops after a few dozen
    java.util.PriorityQueue<Map.Entry<String, Candidate>> byBase =
        new java.util.PriorityQueue<>(Math.max(1, candidates.size()), BY_SCORE);
    for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
      e.getValue().score = baseScore(e.getKey(), e.getValue());
      byBase.add(e);
    }
    double maxIdf = background == null ? 1.0 : background.maxIdf();
    java.util.PriorityQueue<Double> best = new java.util.PriorityQueue<>();
    List<Map.Entry<String, Candidate>> scored = new ArrayList<>(keep * 2);
    for (Map.Entry<String, Candidate> e = byBase.poll(); e != null; e = byBase.poll()) {
      Candidate c = e.getValue();
      if (best.size() >= keep && c.score * maxIdf <= best.peek()) {
        break;
      }
      c.score *= background == null ? 1.0 : background.idf(e.getKey());
      scored.add(e);
      best.add(c.score);
      if (best.size() > keep) {
        best.poll();
      }
    }
    scored.sort(BY_SCORE);
    return scored;
  }

  /** Higher score first; equal scores in key order, so the result never depends on hashing. */
  private static final java.util.Comparator<Map.Entry<String, Candidate>> BY_SCORE = (a, b) -> {
    int c = Double.compare(b.getValue().score, a.getValue().score);
    return c != 0 ? c : a.getKey().compareTo(b.getKey());
  };



  private static boolean isVerb(String pos) {
    return pos != null && pos.startsWith("v") && !pos.equals("vn");
  }

  private static List<Keyword> select(List<Map.Entry<String, Candidate>> ranked,
      Map<String, Candidate> candidates, int limit) {
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
      out.add(new Keyword(c.surface(), Math.round(c.score * 1000) / 1000.0));
    }
    return out;
  }

  static final double ONCE_PENALTY = 0.3;
  static final double SUB_RATIO = 0.8;
  static final double SUPER_RATIO = 1.2;
  static final double VERB_PENALTY = 0.4;
  static final double OVERLAP = 0.5;
  static final double POS_WEIGHT = 0.5;
  static final double ORG_WEIGHT = 0.7;
  static final double TITLE_BONUS = 1.5;
  static final double FRAG_PENALTY = 0.7;
  static final double REPEAT_WEIGHT = 0.6;
  static final double INNER_VERB = 0.5;
  static final double QUOTE_BONUS = 1.2;

  /** A phrase inside a chosen one that never occurs without it, or a chosen one's fragment. */
  private static boolean redundant(String k, Candidate c, List<String> chosen, Map<String, Candidate> all) {
    if (nestedFamily(k, chosen) >= MAX_NESTED) {
      return true;
    }
    for (String other : chosen) {
      if (other.contains(k) && all.get(other).weight >= c.weight * SUB_RATIO) {
        return true;
      }
      if (k.contains(other) && all.get(other).weight <= c.weight * SUPER_RATIO) {
        return true;
      }
      if (!other.contains(k) && !k.contains(other) && OVERLAP < 1
          && commonSubstring(k, other) >= Math.max(3, OVERLAP * Math.min(k.length(), other.length()))) {
        return true;
      }
    }
    return false;
  }

  /** At most this many chosen phrases nested in or around a new one (留守儿童, 留守儿童关爱, ...). */
  static final int MAX_NESTED = 3;

  /** How many chosen phrases contain {@code k} or are contained in it. */
  static int nestedFamily(String k, List<String> chosen) {
    int family = 0;
    for (String other : chosen) {
      if (other.contains(k) || k.contains(other)) {
        family++;
      }
    }
    return family;
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

  /** A single character that is part of the word next to it rather than a word of its own. */
  static boolean isGlue(Token t) {
    if (t.word().length() != 1 || t.isPunctuation()) {
      return false;
    }
    char ch = t.word().charAt(0);
    if (!Character.isIdeographic(ch)) {
      return false;
    }
    String pos = t.pos();
    return !INTERIOR_STOP.contains(pos) && !pos.startsWith("m") && !pos.startsWith("q") && !pos.startsWith("v")
        && !pos.equals("f") && !pos.startsWith("p") && !pos.startsWith("c") && !pos.startsWith("u");
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

  private static final class Candidate {
    /** Where the first occurrence is: the surface form is cut only for chosen keywords. */
    final AnalysisText source;
    final int start;
    final int end;
    final int words;
    double weight;
    int count;
    /** Only a recurring run of {@link #repeatedRuns}. */
    boolean loose;
    /** A verb between its first and last word. */
    boolean innerVerb;
    /** Occurrences without a glued single character on either side. */
    int clean;
    double firstPosition;
    String firstPos;
    String lastPos;
    boolean org;
    boolean inTitle;
    boolean quoted;
    double score;

    Candidate(AnalysisText source, int start, int end, int words) {
      this.source = source;
      this.start = start;
      this.end = end;
      this.words = words;
    }

    String surface() {
      return source.surfaceChars(start, end);
    }
  }
}
