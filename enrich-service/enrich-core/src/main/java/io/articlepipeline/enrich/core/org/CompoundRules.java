package io.articlepipeline.enrich.core.org;

import io.articlepipeline.text.Token;
import java.util.List;
import java.util.Set;
import io.articlepipeline.text.Literals;

/**
 * Rules for Chinese compound names: a place prefix directly attached to a name belongs to it
 * (郑州市 + 上街区委宣传部), and a name part followed by an organization head word is an
 * organization (漕塘村 + 新时代文明实践站). Word boundaries come from HanLP's tokens.
 */
public final class CompoundRules {

  private static final Literals HEADS = new Literals(
      "新时代文明实践中心", "新时代文明实践所", "新时代文明实践站", "敬老院", "福利院", "养老院", "卫生院",
      "社区卫生服务中心", "社会工作服务中心", "公益服务中心", "服务中心", "救援队", "救援总队", "志愿者协会",
      "志愿者联合会", "志愿服务队", "志愿服务支队", "教育基金会", "慈善基金会", "基金会", "慈善总会", "红十字会",
      "协会", "联合会", "促进会", "商会", "有限公司", "股份公司", "集团", "中学", "小学", "中心小学", "学校", "医院",
      "大学", "学院", "管理局", "监督管理局", "日报", "晚报", "时报", "都市报", "晨报", "早报", "商报");
  private static final Set<String> MEDIA_HEAD = Set.of("日报", "晚报", "时报", "都市报", "晨报", "早报", "商报");
  private static final Set<String> STOP_POS = Set.of(
      "v", "vi", "vn", "vf", "vx", "vshi", "vyou", "vl", "vg", "p", "pba", "pbei", "c", "cc", "u", "ud", "ude1",
      "ude2", "ude3", "udeng", "udh", "ule", "uguo", "ulian", "uls", "usuo", "uyy", "uzhe", "uzhi", "w", "m", "mq",
      "q", "qv", "qt", "r", "rr", "ry", "rys", "ryt", "ryv", "rz", "rzs", "rzt", "rzv", "d", "dl", "dg", "y", "e",
      "o", "f", "t", "tg", "nnt", "nnd", "nis", "a", "ad", "an", "al", "z", "x", "xx", "xu", "h", "k", "nx");
  private static final Set<String> NAME_POS = Set.of("ns", "nsf", "nr", "nr1", "nr2", "nrf", "nrj", "nz", "nt",
      "ntc", "ntcf", "ntcb", "ntch", "nto", "ntu", "nts", "nth", "nh", "nhm", "nhd", "nn", "ng", "b", "ag", "j", "l");
  private static final String ADMIN = "省市县区镇乡州旗村";
  private static final Set<String> ADMIN_WORDS = Set.of("街道", "新区", "开发区", "高新区", "自治区", "自治州", "自治县");
  private static final int MAX_NAME = 12;
  private static final Set<String> GLUE_POS = Set.of("n", "ng", "nz", "nr", "nr1", "nr2", "ns", "nsf", "vg",
      "ag", "j", "g", "gg", "tg");
  private static final String NOT_NAME_CHARS = "的了在和与是把被对从向由为将也都就又而并及或等个名位次年月日这那其该各每本我你他她它们上下中内外前后已正再还更最很";

  private CompoundRules() {
  }

  /** Extends a span to the left over a directly attached place prefix; returns the new start. */
  public static int placePrefixStart(String text, List<Token> tokens, int start) {
    int t = CharFeatures.firstToken(tokens, start) - 1;
    if (t < 0 || tokens.get(t).end() != start) {
      return start;
    }
    int newStart = start;
    // an unknown name the segmenter broke into single characters (九江市 兆 龙教育基金会)
    int glued = 0;
    while (t >= 0 && glued < 2 && tokens.get(t).end() == newStart && tokens.get(t).word().length() == 1
        && Character.isIdeographic(tokens.get(t).word().charAt(0))
        && NOT_NAME_CHARS.indexOf(tokens.get(t).word().charAt(0)) < 0
        && GLUE_POS.contains(tokens.get(t).pos())) {
      newStart = tokens.get(t).start();
      t--;
      glued++;
    }
    if (glued > 0 && (t < 0 || !(isPlace(tokens.get(t)) || tokens.get(t).isPunctuation()))) {
      // only trust the glue when a place or a boundary precedes the pieces
      newStart = start;
      t = CharFeatures.firstToken(tokens, start) - 1;
    }
    // a place split by the segmenter (郑州市 上 街区 + name): glue the stray character back
    Token first = t + 1 < tokens.size() ? tokens.get(t + 1) : null;
    if (first != null && t >= 1 && tokens.get(t).word().length() == 1 && tokens.get(t - 1).end() == tokens.get(t).start() && isPlace(first)
        && !tokens.get(t).isPunctuation() && (isPlace(tokens.get(t - 1)) || tokens.get(t - 1).isPunctuation())
        && ADMIN.indexOf(first.word().charAt(first.word().length() - 1)) >= 0) {
      newStart = tokens.get(t).start();
      t--;
    }
    while (t >= 0 && start - tokens.get(t).start() <= MAX_NAME + 6) {
      Token tok = tokens.get(t);
      if (isPlace(tok)) {
        newStart = tok.start();
        t--;
        // characters of an unknown place name before its admin suffix (永 德 县)
        if (tok.word().length() == 1 && ADMIN.indexOf(tok.word().charAt(0)) >= 0) {
          int k = t;
          int chars = 0;
          while (k >= 0 && chars < 3 && tokens.get(k).word().length() <= 2 && !isStop(tokens.get(k))
              && !isPlace(tokens.get(k))) {
            chars += tokens.get(k).word().length();
            k--;
          }
          if (chars >= 1) {
            newStart = tokens.get(k + 1).start();
            t = k;
          }
        }
        continue;
      }
      break;
    }
    return newStart;
  }

  /**
   * A company whose city is bracketed after its brand (商道向善(北京)咨询有限公司) begins where the
   * brand does, when the name holds fewer than two of the brand's letters: right after the
   * punctuation or line start before it, when that is at most eight letters before the bracket
   * (less a leading verb or function word); else the words before the bracket that can be part
   * of a name. Otherwise the start is kept.
   */
  public static int bracketedCityStart(String text, List<Token> tokens, int start, int end) {
    if (!text.startsWith("公司", end - 2)) {
      return start;
    }
    // every search stays within the name and a few characters before it: a page of thousands of
    // company names is not scanned to its end for each of them
    int open = indexOf(text, '(', start, end);
    if (open < 0) {
      // the name may start inside the bracket (上海)信息技术有限公司)
      for (open = start; open >= 0 && start - open <= 5 && text.charAt(open) != '('; open--) {
        // back to a ( at most five characters before the name
      }
      if (open < 0 || start - open > 5) {
        return start;
      }
    }
    int close = indexOf(text, ')', open, end);
    if (close < 0 || close - open - 1 < 2 || close - open - 1 > 4) {
      return start;
    }
    if (open - start >= 2) {
      return start; // the name already holds a brand of two or more letters (鑫视空间(北京)...)
    }
    int b = open;
    while (b > 0 && open - b < MAX_BRAND && Character.isLetterOrDigit(text.charAt(b - 1))) {
      b--;
    }
    if (b < start && (b == 0 || BRAND_DELIMITERS.indexOf(text.charAt(b - 1)) >= 0)) {
      // not a verb or function word the run starts with (，有请鑫视空间(北京)...)
      int t = CharFeatures.firstToken(tokens, b);
      while (t < tokens.size() && tokens.get(t).start() == b && tokens.get(t).end() < open - 1
          && BRAND_LEAD_STOP.contains(tokens.get(t).pos().substring(0, 1))) {
        b = tokens.get(t).end();
        t++;
      }
      if (open - b >= 2) {
        return b;
      }
    }
    // no delimiter before the brand (由星河互联(上海)...): the words before the bracket up to a
    // preposition, conjunction, particle, pronoun or number (brands may contain verbs: 互联)
    int t = CharFeatures.firstToken(tokens, open) - 1;
    int brand = open;
    while (t >= 0 && tokens.get(t).end() == brand && open - tokens.get(t).start() <= MAX_BRAND
        && !BRAND_STOP.contains(tokens.get(t).pos().substring(0, 1)) && !tokens.get(t).isPunctuation()) {
      brand = tokens.get(t).start();
      t--;
    }
    return open - brand >= 2 ? brand : start;
  }

  /** The first {@code c} in text[from, to), or -1. */
  private static int indexOf(String text, char c, int from, int to) {
    for (int i = Math.max(0, from); i < to && i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static final int MAX_BRAND = 8;
  private static final Set<String> BRAND_LEAD_STOP = Set.of("v", "p", "c", "u", "r", "d", "m", "q");
  private static final Set<String> BRAND_STOP = Set.of("p", "c", "u", "r", "m", "q", "w", "d", "e", "y", "o");
  private static final String BRAND_DELIMITERS = "\n 、,，;；:：“\"《(（";

  static boolean isPlace(Token tok) {
    String w = tok.word();
    if (tok.pos().equals("ns") || tok.pos().equals("nsf")) {
      return true;
    }
    if (ADMIN_WORDS.contains(w)) {
      return true;
    }
    return w.length() <= 4 && ADMIN.indexOf(w.charAt(w.length() - 1)) >= 0
        && Character.isIdeographic(w.charAt(0)) && !tok.pos().startsWith("v") && !tok.pos().equals("r");
  }

  /** A verb, function word, number, pronoun or punctuation: never a word of a name. */
  static boolean isFunctionOrVerb(Token tok) {
    return isStop(tok) && !isPlace(tok);
  }

  private static boolean isStop(Token tok) {
    return STOP_POS.contains(tok.pos()) || tok.isPunctuation();
  }

  /** Organizations made of a name part and a head word; added to {@code out}. */
  public static void headRule(String text, List<Token> tokens, List<OrgSpan> out) {
    for (Literals.Hit m : HEADS.find(text)) {
      int headStart = m.start();
      int t = CharFeatures.firstToken(tokens, headStart) - 1;
      if (t < 0 || tokens.get(t).end() != headStart) {
        continue;
      }
      boolean media = MEDIA_HEAD.contains(text.substring(m.start(), m.end()));
      int start = headStart;
      boolean named = false;
      while (t >= 0 && headStart - tokens.get(t).start() <= MAX_NAME) {
        Token tok = tokens.get(t);
        if (isStop(tok) && !isPlace(tok) || tok.end() != start) {
          break;
        }
        named |= NAME_POS.contains(tok.pos()) || isPlace(tok) || tok.word().length() == 1;
        start = tok.start();
        t--;
      }
      if (start < headStart && (named || media && headStart - start >= 2)) {
        out.add(new OrgSpan(start, m.end(), 0.6, "rule"));
      }
    }
  }

  /**
   * True for an unnamed organization: a bare head (基金会, 宣传部), optionally after generic
   * modifiers (慈善基金会, 民间救援队, 全省首家县级公募教育基金会).
   */
  public static boolean isGeneric(String text, List<Token> tokens, OrgSpan span) {
    String name = text.substring(span.start(), span.end());
    int i = 0;
    boolean progress = true;
    while (progress && i < name.length()) {
      progress = false;
      for (String m : GENERIC_MODIFIERS) {
        if (name.startsWith(m, i) && name.length() - i - m.length() >= 2) {
          i += m.length();
          progress = true;
          break;
        }
      }
    }
    return BARE_HEADS.contains(name.substring(i));
  }

  private static final Set<String> BARE_HEADS = Set.of(
      "协会", "学会", "商会", "基金会", "基金", "宣传部", "组织部", "统战部", "办公室", "办公室部", "红十字会", "委员会",
      "秘书处", "理事会", "工作组", "公司", "集团", "政府", "单位", "企业", "学校", "大学", "医院", "分会", "总会",
      "救援队", "志愿服务队", "志愿者协会", "服务中心", "服务部", "服务队", "队伍", "联合会", "中心", "研究院",
      "敬老院", "养老院", "福利院", "合作社", "分公司", "子公司", "支部", "党支部");
  private static final List<String> GENERIC_MODIFIERS = List.of(
      "首家", "特色", "县级", "市级", "省级", "国家级", "各级", "各地", "当地", "有关", "相关", "该", "本",
      "民间", "志愿", "慈善", "教育", "公募", "非公募", "公益", "评审", "科技", "互联网", "国际",
      "学院", "学校", "街道", "社区", "地方", "专业", "专项", "社会", "社工",
      "工作", "服务");
}
