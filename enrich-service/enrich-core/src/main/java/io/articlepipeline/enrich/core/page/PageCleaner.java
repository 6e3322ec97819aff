package io.articlepipeline.enrich.core.page;

import io.articlepipeline.enrich.core.PageFields;
import io.articlepipeline.text.CharNormalizer;
import io.articlepipeline.text.Garbage;
import io.articlepipeline.text.Literals;
import io.articlepipeline.text.PatternStarts;
import io.articlepipeline.text.SoftWraps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a pasted page into lines and tells article content from page chrome: breadcrumbs,
 * source/date lines, editor and credit lines, disclaimers, footers, navigation, captions,
 * repeated paragraphs and cut copies of paragraphs. Also reads the fields the page shows.
 * Stateless and thread-safe.
 */
public final class PageCleaner {

  private static final Pattern BREADCRUMB = Pattern.compile(
      "^(?:(?:当前位置|您的位置|你的位置|现在位置|所在位置|位置)\\s*[:：]?\\s*)?(?:网站)?首页\\s*(?:>|»|›|-|/|→)"
          + "|^\\S{2,10}\\s*>>\\s*\\S");
  private static final Pattern CRUMB_SPLIT = Pattern.compile("\\s*(?:>+|»|›|→|\\s-\\s|/)\\s*");
  private static final Pattern SOURCE = Pattern.compile(
      "(?:来源|來源|稿源|出处)\\s*[:：]\\s*([^\\s|:：,，()（）【】\\[\\]]{2,30})");
  private static final Pattern SOURCE_TAIL = Pattern.compile(
      "(?:编辑|作者|发布|时间|日期|参与互动|责任编辑|记者|通讯员|浏览|点击|\\d{4}).*$");
  private static final Pattern DISCLAIMER_SOURCE = Pattern.compile(
      "凡(?:注明)?来源(?:不是|非|为)[“\"「]([^”\"」]{2,20})[”\"」]");
  private static final Pattern COPYRIGHT_SOURCE = Pattern.compile(
      "(?:均为|本网站由|本站由|版权归)([^\\s,，。:：|]{2,20}?)(?:版权)?所有");
  private static final Pattern AUTHOR = Pattern.compile(
      "(?:作者|供稿|撰稿|文)\\s*[:：/]\\s*([^\\s|:：,，()（）]{2,30})");
  private static final PatternStarts AUTHOR_STARTS = PatternStarts.of("作供撰文");
  private static final Pattern AUTHOR_TAIL = Pattern.compile("(?:时间|日期|来源|编辑|点击|\\d{4}).*$");
  private static final Pattern TRAILING_CREDIT = Pattern.compile("[(（]([^()（）]{4,40})[)）]\\s*$");
  private static final Pattern CREDIT_NAME = Pattern.compile(
      "^(.*?(?:部|局|委|办|中心|会|社|站|台|报|网|院|所|队|处|厅|馆|组|团))(?:[\\u4e00-\\u9fff]{2,3}|\\s.*)$");
  static final Pattern META = Pattern.compile(
      "^(?:(?:编辑|责任编辑|责编|审编|审核|校对|编审|监制|主编|值班编辑|编辑整理|作者|供稿|撰稿|记者|通讯员|摄影|图|文|来源|來源|稿源|标签|关键词|關鍵詞|关键词阅读|发布时间|发布日期|时间|日期)\\s*[:：])"
          + "|^【?(?:免责声明|版权声明|声明)】?"
          + "|^[\\d\\-年月日:/ ]{8,}(?:\\s|$)");
  /** Credit lines that may run on into the first paragraph. */
  private static final Pattern CREDIT_PREFIX = Pattern.compile(
      "^(?:来源|來源|稿源|记者|記者|通讯员|通訊員|作者|文|供稿|撰稿)\\s*[:：]");
  private static final Literals LEGAL = new Literals(
      "免责声明", "免責聲明", "版权所有", "版權所有", "版权声明", "copyright", "©", "all rights reserved", "icp备",
      "icp證", "icp证", "备案号", "许可证", "举报电话", "违法和不良信息", "自律公约", "未经授权", "未经协议授权",
      "未经许可", "禁止下载", "禁止复制", "禁止转载");
  private static final Literals CHROME = new Literals(
      "关于我们", "联系我们", "友情链接", "广告服务", "返回顶部", "回到顶部", "回到首页", "分享到", "扫一扫", "打印",
      "关闭窗口", "字号", "点击率", "发表评论", "登录后", "登录|", "请登录", "免费注册", "上一篇", "下一篇", "相关新闻", "相关阅读", "相关文章",
      "编辑推荐", "热门推荐", "责任编辑", "powered by", "flash", "立即下载", "资料图", "本期导读", "开户行", "帐号",
      "账号", "账户", "地址:", "电话:", "邮编", "收藏", "参与互动", "网站地图", "设为首页", "加入收藏", "share",
      "subscribe", "sign up", "sign in", "log in", "privacy policy", "terms of use", "terms of service",
      "follow us", "skip to", "read more", "related", "advertisement", "cookie", "本帖最后由", "spacer");
  static final Pattern CAPTION = Pattern.compile("(?:\\s摄|摄影|供图|图片|资料图|\\bphoto\\b.*)\\)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE_TAIL = Pattern.compile("[\\s|｜]+$");
  private static final Pattern SENTENCE_END = Pattern.compile("[。!?！？;；.…\"”]$");

  /** Cleans a page; {@code givenTitle} (nullable) is the headline the submitter supplied. */
  public CleanPage clean(String text, String givenTitle) {
    return clean(text, givenTitle, text == null || text.indexOf('\n') < 0 ? List.of() : SoftWraps.breaks(text));
  }

  /**
   * As {@link #clean(String, String)}, with the page's wrapping breaks already found
   * ({@link SoftWraps#breaks}; an analysis of the same text has them).
   */
  public CleanPage clean(String text, String givenTitle, List<int[]> wraps) {
    String page = text == null ? "" : text;
    // a hard-wrapped page's lines are cut sentences: a line runs on over such a break, and is read
    // without it (a credit or source line the wrapper cut is still one line)
    List<int[]> spans = splitLines(page, wraps);
    List<List<int[]>> inLine = wrapsByLine(spans, wraps);
    String[] norm = new String[spans.size()];
    for (int i = 0; i < norm.length; i++) {
      norm[i] = Garbage.strip(CharNormalizer.normalize(withoutWraps(page, spans.get(i), inLine.get(i))));
    }
    String title = blank(givenTitle) ? findTitle(norm, page, spans) : givenTitle.strip();
    String normTitle = title == null ? null : CharNormalizer.normalize(title);
    String category = null;
    String source = null;
    String author = null;
    boolean[] content = new boolean[norm.length];
    int[] bodyFrom = new int[norm.length];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < norm.length; i++) {
      String line = norm[i];
      if (category == null && BREADCRUMB.matcher(line).lookingAt()) {
        category = category(line, normTitle);
        continue;
      }
      if (source == null) {
        source = source(line);
      }
      if (author == null) {
        author = author(line);
      }
      // a page of one line is the article itself unless it is plainly a footer
      boolean chrome = norm.length == 1 ? line.isEmpty() || LEGAL.containsAny(line.toLowerCase(java.util.Locale.ROOT))
          : isChrome(line);
      if (chrome && norm.length > 1) {
        bodyFrom[i] = bodyAfterCredits(line);
        if (bodyFrom[i] > 0 && !seen.add(line.substring(bodyFrom[i]))) {
          bodyFrom[i] = 0;
        }
      }
      if (!chrome && normTitle != null && line.equals(normTitle)) {
        chrome = true;
      }
      if (!chrome && !seen.add(line)) {
        chrome = true;
      }
      content[i] = !chrome;
    }
    dropCutCopies(norm, content);
    if (author == null) {
      author = trailingCredit(norm, content);
    }
    List<PageLine> lines = new ArrayList<>(norm.length);
    for (int i = 0; i < norm.length; i++) {
      int[] s = spans.get(i);
      int cut = bodyFrom[i] > 0 ? surfaceOffset(s, bodyFrom[i], norm[i].length(), inLine.get(i)) : -1;
      if (cut > 0) {
        // credits, then the first paragraph: only the paragraph is content
        lines.add(new PageLine(s[0], cut, false));
        lines.add(new PageLine(cut, s[1], true));
      } else {
        lines.add(new PageLine(s[0], s[1], content[i]));
      }
    }
    if (title != null && blank(givenTitle)) {
      title = TITLE_TAIL.matcher(surfaceOf(page, spans, norm, CharNormalizer.normalize(title), inLine)).replaceFirst("");
    }
    return new CleanPage(page, lines, new PageFields(title, category, source, author));
  }

  private static String surfaceOf(String page, List<int[]> spans, String[] norm, String normTitle,
      List<List<int[]>> inLine) {
    for (int i = 0; i < norm.length; i++) {
      if (norm[i].equals(normTitle)) {
        return Garbage.strip(withoutWraps(page, spans.get(i), inLine.get(i)).toString());
      }
    }
    return normTitle;
  }

  /**
   * The wrapping breaks inside each line, in line order: lines and breaks are both in page order,
   * so one pass over each (a page of many cut lines is not scanned once per line).
   */
  private static List<List<int[]>> wrapsByLine(List<int[]> spans, List<int[]> wraps) {
    List<List<int[]>> out = new ArrayList<>(spans.size());
    int k = 0;
    for (int[] span : spans) {
      while (k < wraps.size() && wraps.get(k)[0] < span[0]) {
        k++;
      }
      int from = k;
      while (k < wraps.size() && wraps.get(k)[1] <= span[1]) {
        k++;
      }
      out.add(from == k ? List.of() : wraps.subList(from, k));
    }
    return out;
  }

  /**
   * Where offset {@code at} of a line's text as read (its wrapping breaks left out) lies in the
   * page; -1 when the text as read is not the line less its breaks (normalisation dropped noise).
   * {@code wraps}: the breaks inside this line ({@link #wrapsByLine}).
   */
  private static int surfaceOffset(int[] span, int at, int readLength, List<int[]> wraps) {
    int out = span[0] + at;
    int removed = 0;
    for (int[] w : wraps) {
      removed += w[1] - w[0];
      if (w[0] <= out) {
        out += w[1] - w[0];
      }
    }
    return span[1] - span[0] - removed == readLength ? out : -1;
  }

  /** The line's text with the wrapping breaks inside it ({@link #wrapsByLine}) left out. */
  private static CharSequence withoutWraps(String page, int[] span, List<int[]> wraps) {
    StringBuilder sb = null;
    int from = span[0];
    for (int[] w : wraps) {
      if (sb == null) {
        sb = new StringBuilder(span[1] - span[0]);
      }
      sb.append(page, from, w[0]);
      from = w[1];
    }
    return sb == null ? page.subSequence(span[0], span[1]) : sb.append(page, from, span[1]);
  }

  /** [start, end) of the page's lines, blank ones left out; a line runs on over the given breaks. */
  static List<int[]> splitLines(String page, List<int[]> wraps) {
    Set<Integer> wrapped = new HashSet<>();
    for (int[] w : wraps) {
      wrapped.add(w[1] - 1);
    }
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    int n = page.length();
    while (i <= n) {
      int eol = page.indexOf('\n', i);
      while (eol >= 0 && wrapped.contains(eol)) {
        eol = page.indexOf('\n', eol + 1);
      }
      if (eol < 0) {
        eol = n;
      }
      int s = i;
      int e = eol;
      while (s < e && isSpace(page.charAt(s))) {
        s++;
      }
      while (e > s && isSpace(page.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        spans.add(new int[] {s, e});
      }
      i = eol + 1;
    }
    return spans;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0';
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean isChrome(String line) {
    int len = line.length();
    if (len == 0) {
      return true;
    }
    if (metaLine(line)) {
      return true;
    }
    String lower = line.toLowerCase(java.util.Locale.ROOT);
    if (LEGAL.containsAny(lower)) {
      return true;
    }
    if (len < 80 && !isProse(line) && CHROME.containsAny(lower)) {
      return true;
    }
    if (len < 60 && mayBeCaption(line, lower) && CAPTION.matcher(line).find()) {
      return true;
    }
    if (len < 60 && (line.contains("来源:") || line.contains("来源：") || line.contains("来源 :"))) {
      return true;
    }
    if (len < 120 && (count(line, '|') >= 2 || line.startsWith("•") || line.startsWith("·"))) {
      return true;
    }
    if (isWordList(line)) {
      return true;
    }
    // Lines of a few characters without a sentence ending are navigation or section labels.
    return len < 6 && !SENTENCE_END.matcher(line).find();
  }

  /**
   * Where the paragraph starts in a line that begins with credits and runs on into the
   * article (来源:掌上衡阳 (记者金明达 通讯员莫静) 尊老、敬老...), or 0: the last break (a space
   * or a closing bracket outside brackets) in the first 60 characters after which a sentence
   * of at least 40 characters follows that is not itself a credit line.
   */
  static int bodyAfterCredits(String line) {
    if (line.length() < 60 || !CREDIT_PREFIX.matcher(line).lookingAt() || !isProse(line)) {
      return 0;
    }
    int depth = 0;
    int best = 0;
    for (int i = 0; i < Math.min(60, line.length() - 1); i++) {
      char c = line.charAt(i);
      boolean cut = false;
      if (c == '(' || c == '（' || c == '[' || c == '【') {
        depth++;
      } else if (c == ')' || c == '）' || c == ']' || c == '】') {
        depth = Math.max(0, depth - 1);
        cut = depth == 0;
      } else if (depth == 0 && isSpace(c)) {
        cut = true;
      }
      if (cut) {
        int from = i + 1;
        while (from < line.length() && isSpace(line.charAt(from))) {
          from++;
        }
        String rest = line.substring(from);
        if (rest.length() >= 40 && isProse(rest) && !metaLine(rest)) {
          best = from;
        }
      }
    }
    return best;
  }

  /** Sentences (a full stop, or two commas) are text even when they mention 打印 or 账户. */
  private static boolean isProse(String line) {
    int commas = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '。') {
        return true;
      }
      if (c == ',' || c == '，') {
        commas++;
      }
    }
    return commas >= 2;
  }

  /**
   * The first characters {@link #META} can match at: those of its labels (编辑, 责任编辑, ... 日期),
   * of its notices (【, 免责声明, 版权声明, 声明) and of a date row (digits, -, 年, 月, 日, :, /,
   * space). Most lines start otherwise and skip the pattern; a test checks the set against it.
   */
  static final String META_FIRST = "编责审校监主值作供撰记通摄图文来來稿标关關发时日【免版声0123456789-年月:/ ";

  /** {@link #META} at the start of the line. */
  static boolean metaLine(String line) {
    return !line.isEmpty() && META_FIRST.indexOf(line.charAt(0)) >= 0 && META.matcher(line).lookingAt();
  }

  /** What every {@link #CAPTION} match holds (摄, 供图, 图片, 资料图, or photo in any case): lines without it skip the pattern. */
  static boolean mayBeCaption(String line, String lower) {
    return line.indexOf('摄') >= 0 || line.contains("供图") || line.contains("图片") || line.contains("资料图")
        || lower.contains("photo");
  }

  /**
   * 广州 深圳 珠海 汕头 ...: a row of short links, not a sentence. At least five parts between
   * runs of ASCII white space, none longer than four characters, each starting with an ideograph;
   * read in one pass, without splitting the line (most lines fail at their first long part).
   */
  static boolean isWordList(String line) {
    int n = line.length();
    int parts = 0;
    int i = 0;
    while (i < n) {
      int start = i;
      while (i < n && !asciiSpace(line.charAt(i))) {
        i++;
      }
      if (i - start > 4) {
        return false;
      }
      if (i == start || !Character.isIdeographic(line.charAt(start))) {
        // an empty part (the line starts with white space) or one that is not Chinese
        return false;
      }
      parts++;
      while (i < n && asciiSpace(line.charAt(i))) {
        i++;
      }
    }
    return parts >= 5;
  }

  /** The characters of the regex class \s: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean asciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** A paragraph repeated with its end cut off (a teaser) adds nothing: keep the full copy. */
  private static void dropCutCopies(String[] norm, boolean[] content) {
    for (int i = 0; i < norm.length; i++) {
      if (!content[i] || norm[i].length() < 15) {
        continue;
      }
      for (int j = 0; j < norm.length; j++) {
        if (j != i && norm[j].length() > norm[i].length() && norm[j].startsWith(norm[i])) {
          content[i] = false;
          break;
        }
      }
    }
  }

  private static String category(String line, String normTitle) {
    String body = line.replaceFirst("^(?:当前位置|您的位置|你的位置|现在位置|所在位置|位置)\\s*[:：]?\\s*", "");
    List<String> parts = new ArrayList<>();
    for (String p : CRUMB_SPLIT.split(body)) {
      String t = p.strip();
      if (!t.isEmpty()) {
        parts.add(t);
      }
    }
    while (!parts.isEmpty()) {
      String last = parts.get(parts.size() - 1);
      if (last.equals("正文") || last.equals("详情") || last.length() > 12
          || (normTitle != null && normTitle.startsWith(last))) {
        parts.remove(parts.size() - 1);
      } else {
        break;
      }
    }
    if (parts.size() < 2) {
      return null;
    }
    return parts.get(parts.size() - 1).replaceFirst("频道$", "");
  }

  private static String source(String line) {
    Matcher m = SOURCE.matcher(line);
    if ((line.indexOf('源') >= 0 || line.indexOf('处') >= 0) && m.find()) {
      String s = SOURCE_TAIL.matcher(m.group(1)).replaceFirst("");
      return s.length() >= 2 && !s.startsWith("http") && !s.startsWith("www") ? s : null;
    }
    m = DISCLAIMER_SOURCE.matcher(line);
    if (line.indexOf('凡') >= 0 && m.find()) {
      return m.group(1);
    }
    m = COPYRIGHT_SOURCE.matcher(line);
    if (line.indexOf("所有") >= 0 && m.find()) {
      return m.group(1);
    }
    return null;
  }

  private static String author(String line) {
    if (line.length() >= 80) {
      return null;
    }
    Matcher m = AUTHOR.matcher(line);
    if (AUTHOR_STARTS.find(m, line, 0)) {
      String s = AUTHOR_TAIL.matcher(m.group(1)).replaceFirst("");
      return s.length() >= 2 ? s : null;
    }
    return null;
  }

  private static String trailingCredit(String[] norm, boolean[] content) {
    for (int i = norm.length - 1; i >= 0; i--) {
      if (!content[i]) {
        continue;
      }
      Matcher m = TRAILING_CREDIT.matcher(norm[i]);
      if (!m.find()) {
        return null;
      }
      String credit = m.group(1).strip();
      Matcher name = CREDIT_NAME.matcher(credit);
      return name.matches() ? name.group(1) : credit;
    }
    return null;
  }

  /** A headline heads something: some other line of text must follow it. */
  private static boolean isLatinText(String line) {
    int latin = 0;
    for (int i = 0; i < line.length(); i++) {
      latin += line.charAt(i) < 0x80 && Character.isLetter(line.charAt(i)) ? 1 : 0;
    }
    return latin * 2 > line.length();
  }

  /** The headline when none was given: a short line before the first paragraph. */
  private static String findTitle(String[] norm, String page, List<int[]> spans) {
    String best = null;
    // found once for every line, so a page of many short lines is not read again from each:
    // where each line's text occurs last, and the first paragraph after each line whose text
    // differs from the line's (-1: none)
    java.util.Map<String, Integer> last = new java.util.HashMap<>();
    for (int i = 0; i < norm.length; i++) {
      last.put(norm[i], i);
    }
    int[] nextOtherParagraph = new int[norm.length];
    int next = -1; // the first paragraph after i
    for (int i = norm.length - 1; i >= 0; i--) {
      nextOtherParagraph[i] = next < 0 ? -1 : !norm[next].equals(norm[i]) ? next : nextOtherParagraph[next];
      if (norm[i].length() >= 20 && !isChrome(norm[i])) {
        next = i;
      }
    }
    for (int i = 0; i < norm.length; i++) {
      String line = norm[i];
      if (line.length() >= 60 && SENTENCE_END.matcher(line).find() || line.length() > 120) {
        break;
      }
      if (line.length() < 6 || isChrome(line) || BREADCRUMB.matcher(line).lookingAt()
          || SENTENCE_END.matcher(line).find() && !line.endsWith("”") && !line.endsWith("\"")) {
        continue;
      }
      boolean beforeMeta = i + 1 < norm.length
          && (norm[i + 1].contains("来源") || norm[i + 1].matches("^\\d{4}[-年].*"));
      boolean repeated = last.get(line) > i;
      boolean latin = isLatinText(line);
      if (line.endsWith(":") || line.endsWith("：") || latin && !latinHeadline(line)
          || nextOtherParagraph[i] < 0) {
        continue;
      }
      if (beforeMeta || repeated) {
        // 京政办发〔2016〕26号《…的通知》 followed by its two parts: the whole line is the headline
        return best != null && best.contains(line) ? best : line;
      }
      if (best == null || latin && isLatinText(best)) {
        // an English page puts navigation, site names and contacts above the headline, which
        // is the last such line before the first paragraph; a Chinese page's first one
        best = line;
      }
    }
    return best;
  }

  private static final Pattern LATIN_NOT_HEADLINE = Pattern.compile(
      "\\||@|https?:|www\\.|^[A-Za-z ]{2,20}:\\s|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
      + "(?:mon|tue|wed|thu|fri|sat|sun),|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\b|\\d{1,4}[/.-]\\d)",
      Pattern.CASE_INSENSITIVE);

  /**
   * An English headline has at least three words and is not a menu row (|), a contact or label
   * line (CONTACT: …, an e-mail or web address) or a date line (Wed, 11/21/2018 - 1:55pm).
   */
  private static boolean latinHeadline(String line) {
    int words = line.strip().split("\\s+").length;
    return words >= 3 && !LATIN_NOT_HEADLINE.matcher(line.strip()).find();
  }
}
