package io.articlepipeline.index.search;

/**
 * Turns highlighter output into safe HTML: everything is escaped, then the private-use markers the
 * query asks Elasticsearch to put around matches become {@code <mark>} tags. Markup inside an
 * article can therefore never reach a page as markup.
 */
public final class Snippets {

  /** Put before a match by the highlighter (a private-use character, never in real text). */
  public static final String PRE = "\uE000";
  /** Put after a match. */
  public static final String POST = "\uE001";

  private Snippets() {
  }

  /** Escaped HTML of a highlighted fragment; adjacent marks are merged into one. */
  public static String toHtml(String highlighted) {
    if (highlighted == null) {
      return "";
    }
    String merged = highlighted.replace(POST + PRE, "");
    StringBuilder sb = new StringBuilder(merged.length() + 32);
    boolean open = false;
    for (int i = 0; i < merged.length(); i++) {
      char c = merged.charAt(i);
      if (c == PRE.charAt(0)) {
        if (!open) {
          sb.append("<mark>");
          open = true;
        }
      } else if (c == POST.charAt(0)) {
        if (open) {
          sb.append("</mark>");
          open = false;
        }
      } else {
        escape(c, sb);
      }
    }
    if (open) {
      sb.append("</mark>");
    }
    return sb.toString();
  }

  /** Escaped HTML of plain text, cut to about {@code max} characters at a word boundary if possible. */
  public static String plain(String text, int max) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    if (t.length() > max) {
      int cut = max;
      int space = t.lastIndexOf(' ', max);
      if (space > max * 2 / 3) {
        cut = space;
      }
      t = t.substring(0, cut) + "…";
    }
    return escape(t);
  }

  /** HTML-escapes text for element content and quoted attributes. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == PRE.charAt(0) || c == POST.charAt(0)) {
        continue;
      }
      escape(c, sb);
    }
    return sb.toString();
  }

  private static void escape(char c, StringBuilder sb) {
    switch (c) {
      case '&' -> sb.append("&amp;");
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      case '"' -> sb.append("&quot;");
      case '\'' -> sb.append("&#39;");
      default -> sb.append(c);
    }
  }
}
