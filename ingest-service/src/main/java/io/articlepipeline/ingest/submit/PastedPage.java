package io.articlepipeline.ingest.submit;

import java.util.regex.Pattern;

/**
 * Finds the headline of a page pasted as text: the first substantial line that is not a
 * breadcrumb, or else the first sentence. The body stays the whole page as pasted: the enrich
 * stage does the thorough cleanup and reads the breadcrumb, credits and footer for fields, and
 * nothing the submitter sent is dropped before it is stored.
 */
public final class PastedPage {

  /** "首页 > 志愿服务 > 正文", "Home > News", "当前位置:首页>…". */
  private static final Pattern BREADCRUMB = Pattern.compile("^(当前位置[::]?\\s*)?\\S{1,12}(\\s*[>»›/]\\s*\\S{1,20}){1,6}\\s*$");
  private static final int MIN_TITLE = 4;
  private static final int MAX_TITLE = 120;
  private static final int FALLBACK_TITLE = 40;

  /** Title (null only for an empty page) and body of a page. */
  public record Parts(String title, String body) {
  }

  private PastedPage() {
  }

  public static Parts split(String page) {
    String text = page.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
    String[] lines = text.split("\n");
    int titleLine = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || BREADCRUMB.matcher(line).matches()) {
        continue;
      }
      if (looksLikeTitle(line)) {
        titleLine = i;
      }
      break;
    }
    String bodyText = text.strip();
    return new Parts(titleLine < 0 ? firstSentence(bodyText) : lines[titleLine].strip(), bodyText);
  }

  /** A page without a headline is titled by its first sentence, cut to a headline's length. */
  static String firstSentence(String body) {
    if (body.isBlank()) {
      return null;
    }
    String first = body.lines().map(String::strip).filter(l -> !l.isEmpty() && !BREADCRUMB.matcher(l).matches())
        .findFirst().orElse("").split("[。！？!?\\n]|\\.\\s", 2)[0].strip();
    int length = first.codePointCount(0, first.length());
    if (length <= FALLBACK_TITLE) {
      return first;
    }
    return first.substring(0, first.offsetByCodePoints(0, FALLBACK_TITLE)) + "…";
  }

  private static boolean looksLikeTitle(String line) {
    int length = line.codePointCount(0, line.length());
    return length >= MIN_TITLE && length <= MAX_TITLE && !line.endsWith("。") && !line.endsWith(".");
  }
}
