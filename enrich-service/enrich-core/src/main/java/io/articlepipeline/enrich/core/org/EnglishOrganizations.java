package io.articlepipeline.enrich.core.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English organization names: runs of capitalised words ending in an organization head word
 * (Foundation, Association, Inc., University, Red Cross, ...), optionally continued by
 * "of/for ..." (Carnegie Corporation of New York). Names joined by "and" are split when the
 * left one is already complete.
 */
public final class EnglishOrganizations {

  private static final Pattern GLUED = Pattern.compile("([A-Z][a-z]{2,})([A-Z][a-z]{2,})");
  private static final Set<String> CONNECTORS = Set.of("of", "for", "the", "and", "&", "at", "on", "de", "du", "in");
  private static final Set<String> HEADS = Set.of(
      "foundation", "association", "society", "fund", "institute", "university", "college", "school",
      "hospital", "center", "centre", "corporation", "corp", "corp.", "inc", "inc.", "company", "co.", "group",
      "bank", "trust", "alliance", "council", "network", "army", "corps", "coalition", "federation", "club",
      "committee", "agency", "department", "ministry", "commission", "organization", "organisation", "church",
      "services", "house", "cross", "partners", "pharmaceuticals", "brands", "union", "league", "academy",
      "laboratories", "labs", "llc", "ltd", "ltd.", "authority", "bureau", "board", "institution", "museum",
      "conservancy", "charities", "ministries", "fc", "plc", "gmbh", "ag", "clubs");
  private static final Set<String> LEADING_NOISE = Set.of(
      "the", "a", "an", "in", "at", "by", "for", "with", "from", "to", "our", "their", "this", "that", "these",
      "those", "as", "and", "of", "on", "thanks", "today", "yesterday", "last", "next", "every", "each", "both",
      "other", "many", "about", "when", "while", "after", "before", "since", "through", "via", "said", "says",
      "dear", "join", "support", "donate", "contact", "visit", "learn", "help", "its", "his", "her", "all");

  private EnglishOrganizations() {
  }

  private record W(String text, String lower, int start, int end) {
    W(String text, int start, int end) {
      this(text, text.toLowerCase(Locale.ROOT), start, end);
    }

    boolean capitalised() {
      return Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0));
    }
  }

  /** Spans of English organization names in {@code text}. */
  public static List<OrgSpan> find(String text) {
    List<OrgSpan> out = new ArrayList<>();
    List<W> run = new ArrayList<>();
    W prev = null;
    int n = text.length();
    int end = 0;
    for (int at = 0; at < n; at = Math.max(at + 1, end)) {
      // the next word: a letter or digit, then letters, digits, apostrophes, dots and hyphens; or &
      char c = text.charAt(at);
      if (c == '&') {
        end = at + 1;
      } else if (alnum(c)) {
        end = at + 1;
        while (end < n && (alnum(text.charAt(end)) || "'’.-".indexOf(text.charAt(end)) >= 0)) {
          end++;
        }
      } else {
        continue;
      }
      String token = text.substring(at, end);
      String w = token;
      if (w.endsWith(".") && !isAbbreviation(w)) {
        w = w.substring(0, w.length() - 1);
      }
      Matcher glued = innerCapital(w) ? GLUED.matcher(w) : null;
      if (glued != null && glued.matches() && HEADS.contains(glued.group(1).toLowerCase(Locale.ROOT))) {
        // two names glued by a lost separator (Salvation ArmyInvisible People)
        run.add(new W(glued.group(1), at, at + glued.group(1).length()));
        flush(run, text, out);
        run.clear();
        w = glued.group(2);
        W rest = new W(w, at + glued.group(1).length(), at + token.length());
        run.add(rest);
        prev = rest;
        continue;
      }
      W word = new W(w, at, at + w.length());
      boolean joined = prev != null && onlySpaces(text, prev.end(), word.start());
      boolean fits = word.capitalised() || CONNECTORS.contains(word.text());
      if (!joined || !fits) {
        flush(run, text, out);
        run.clear();
      }
      if (fits) {
        run.add(word);
      }
      prev = token.endsWith(".") && !isAbbreviation(token) ? null : word;
    }
    flush(run, text, out);
    return out;
  }

  /** An ASCII letter or digit: what English words are made of here. */
  static boolean alnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** A capital after the first letter: the only words {@code GLUED} can match. */
  private static boolean innerCapital(String w) {
    for (int i = 3; i < w.length(); i++) {
      if (Character.isUpperCase(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A word that ends an organization's name (lower case): foundation, inc., university, ... */
  static boolean isHead(String lower) {
    return HEADS.contains(lower);
  }

  /** A word whose final dot is its own: Inc., Corp., Co., Ltd., St., an initial (D.). */
  static boolean isAbbreviation(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("inc.") || l.equals("corp.") || l.equals("co.") || l.equals("ltd.") || l.equals("st.")
        || (w.length() == 2 && Character.isUpperCase(w.charAt(0)));
  }

  private static boolean onlySpaces(String text, int from, int to) {
    if (to - from < 1 || to - from > 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private static void flush(List<W> run, String text, List<OrgSpan> out) {
    Boolean allCaps = null;
    int from = 0;
    for (int h = 0; h < run.size(); h++) {
      W w = run.get(h);
      if (!w.capitalised() || !HEADS.contains(w.lower())) {
        continue;
      }
      if (w.lower().equals("cross") && (h == 0 || !run.get(h - 1).lower().equals("red"))) {
        continue;
      }
      if (run.size() > 6) {
        if (allCaps == null) {
          allCaps = run.stream().allMatch(x -> x.text().equals(x.text().toUpperCase(Locale.ROOT)));
        }
        if (allCaps) {
          continue;
        }
      }
      int end = h;
      // "... Corporation of New York", "... Institute for Journalism": continue to the run's end
      if (h + 2 < run.size() && (run.get(h + 1).text().equals("of") || run.get(h + 1).text().equals("for"))) {
        boolean anotherHead = false;
        boolean joined = false;
        int stop = run.size();
        for (int k = h + 1; k < run.size(); k++) {
          String link = run.get(k).text();
          if (opensAdjunct(link)) {
            stop = k; // of New York on Tuesday, of Michigan in Ann Arbor: a time or place follows
            break;
          }
          if (link.equals("and") || link.equals("&")) {
            if (!joinsObjects(run, k)) {
              stop = k;
              break;
            }
            joined = true;
          }
          anotherHead |= run.get(k).capitalised() && HEADS.contains(run.get(k).lower())
              && !(joined && run.get(k).lower().equals(FIELD_HEAD));
        }
        if (!anotherHead && stop - h <= 7) {
          end = lastCapitalised(run, stop - 1);
        }
      }
      int start = from;
      // "Regional CEO for the Texas ... Red Cross": a title before for/at/the is not the name
      for (int k = h - 1; k > start; k--) {
        String c = run.get(k).text();
        if (c.equals("for") || c.equals("at") || c.equals("the") || c.equals("on") || c.equals("in")) {
          start = k + 1;
          break;
        }
      }
      // "Invisible People and Covenant House": two names, the left one without a head; but
      // "William and Flora Hewlett Foundation", "John D. and Catherine T. MacArthur Foundation"
      for (int k = h - 1; k > start + 1; k--) {
        String c = run.get(k).text();
        if ((c.equals("and") || c.equals("&")) && leftIsAName(run, start, k)) {
          start = k + 1;
          break;
        }
      }
      while (start < h && Character.isDigit(run.get(start).text().charAt(0))) {
        start++;
      }
      while (start < h && (LEADING_NOISE.contains(run.get(start).lower()) || !run.get(start).capitalised())
          && !(start == 0 && namesThe(text, run.get(start)))) {
        start++;
      }
      if (start < h || start == h && end > h) { // a head alone is no name; Ministry of Education is
        out.add(new OrgSpan(run.get(start).start(), run.get(end).end(), 0.7, "english"));
      }
      from = end + 1;
      if (from < run.size() && (run.get(from).text().equals("and") || run.get(from).text().equals("&"))) {
        from++;
      }
      h = end;
    }
  }

  /**
   * An "and" at k inside an of/for continuation that joins its objects (Ministry of Science and
   * Technology) rather than two names (University of Michigan and Ford Foundation): capitalised
   * words follow it and none of them is a head. Services names a field there, not a second body
   * (Department of Health and Human Services, of Children and Family Services).
   */
  private static boolean joinsObjects(List<W> run, int k) {
    if (k + 1 >= run.size() || !run.get(k + 1).capitalised()) {
      return false;
    }
    for (int i = k + 1; i < run.size() && !opensAdjunct(run.get(i).text()); i++) {
      if (run.get(i).capitalised() && HEADS.contains(run.get(i).lower()) && !run.get(i).lower().equals(FIELD_HEAD)) {
        return false;
      }
    }
    return true;
  }

  /** A head that after a joining "and" names a field, not a second body. */
  private static final String FIELD_HEAD = "services";

  /**
   * A capitalised "The" after a lower-case word in running text belongs to the name (by The
   * Salvation Army); at a sentence start or in a title-case headline it does not.
   */
  private static boolean namesThe(String text, W the) {
    if (!the.text().equals("The")) {
      return false;
    }
    int i = the.start() - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || i == the.start() - 1 || !Character.isLowerCase(text.charAt(i))) {
      return false;
    }
    int w = i;
    while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
      w--;
    }
    return Character.isLowerCase(text.charAt(w));
  }

  /**
   * Whether run[from, and) is a name of its own before an "and": at least two capitalised words
   * that are neither leading noise nor initials (a founder's first name, or a name with an
   * initial, is part of a foundation's name).
   */
  private static boolean leftIsAName(List<W> run, int from, int and) {
    int words = 0;
    for (int k = from; k < and; k++) {
      W w = run.get(k);
      if (!w.capitalised() || LEADING_NOISE.contains(w.lower())) {
        continue;
      }
      String t = w.text();
      if (t.endsWith("'s") || t.endsWith("’s")) {
        return false; // Ceruti’s Banquet and Event Center: one place's name
      }
      if (t.length() == 1 || t.length() == 2 && t.charAt(1) == '.') {
        return false;
      }
      words++;
    }
    return words >= 2;
  }

  /** on, in, at after a name: a time or place follows, not more of the name. */
  private static boolean opensAdjunct(String word) {
    return word.equals("on") || word.equals("in") || word.equals("at");
  }

  private static int lastCapitalised(List<W> run, int i) {
    while (i > 0 && !run.get(i).capitalised()) {
      i--;
    }
    return i;
  }
}
