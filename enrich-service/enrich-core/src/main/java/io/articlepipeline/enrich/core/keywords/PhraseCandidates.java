package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a phrase may start, continue and end in a segmented text: the part-of-speech and word
 * rules behind keyword candidates, computed once per token as bits. Used by the extractor and by
 * the background table's builder, so both see the same phrases.
 */
public final class PhraseCandidates {

  static final int MAX_WORDS = 4;
  static final int MAX_CHARS = 12;
  /** Words that are never a keyword on their own (too general, or not a topic). */
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

  private PhraseCandidates() {
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

  static boolean isVerb(String pos) {
    return pos != null && pos.startsWith("v") && !pos.equals("vn");
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
}
