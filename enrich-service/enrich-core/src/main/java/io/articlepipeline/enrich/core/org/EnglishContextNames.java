package io.articlepipeline.enrich.core.org;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * English names that carry no head word (Altria, HanesBrands, Points of Light), found by what the
 * sentence says around them, and their other mentions in the same text:
 * <ul>
 *   <li>after a person's role: "Sidney Falken, chief branding officer, HanesBrands", "founder of
 *       X", "manager at X", "president, community relations, Target";</li>
 *   <li>before a workforce: "Altria employees", "Alexion’s headquarters" (inside a sentence, not
 *       at its start, where any word is capitalised);</li>
 *   <li>after a partnership: "in partnership with Points of Light", "sponsored by X", "a grant
 *       from X";</li>
 *   <li>per text, every other mention of such a name standing alone, and of a company's name
 *       less its corporate word ("Alexion" after "Alexion Pharmaceuticals", "Hanes" after
 *       "HanesBrands").</li>
 * </ul>
 * Months, days, places, nationalities and words that are capitalised for other reasons (Our,
 * Former, National) are never such a name.
 */
final class EnglishContextNames {

  static final String CONTEXT = "english+context";
  static final String SHORT = "english+short";

  private EnglishContextNames() {
  }

  /** The last word of a person's role, after which an appositive may name the body. */
  private static final Set<String> ROLES = Set.of("president", "chairman", "chairwoman", "ceo", "cfo", "coo", "cto",
      "cmo", "founder", "co-founder", "cofounder", "officer", "director", "manager", "spokesperson", "spokesman",
      "spokeswoman");

  /** Roles whose "of X" names the body they lead (founder of X; not "president of France"). */
  private static final Set<String> LEADS_OF = Set.of("founder", "co-founder", "cofounder", "ceo", "chairman",
      "chairwoman");

  /** Words before a role that say a person is introduced: "who is president, ..." */
  private static final Set<String> INTRODUCING = Set.of("is", "was", "as", "became", "becomes", "named");

  /** Words before a role that make it someone's (its founder, the company's CEO): the name is a person's. */
  private static final Set<String> OWNERS = Set.of("its", "his", "her", "their", "our", "my", "your");

  /** A partnership word and what must follow it before the partner's name. */
  private static final java.util.Map<String, String> PARTNERS = java.util.Map.ofEntries(
      java.util.Map.entry("partnership", " with "), java.util.Map.entry("collaboration", " with "),
      java.util.Map.entry("conjunction", " with "), java.util.Map.entry("partnered", " with "),
      java.util.Map.entry("partnering", " with "), java.util.Map.entry("partners", " with "),
      java.util.Map.entry("teamed", " up with "), java.util.Map.entry("teaming", " up with "),
      java.util.Map.entry("sponsored", " by "), java.util.Map.entry("funded", " by "),
      java.util.Map.entry("underwritten", " by "), java.util.Map.entry("grant", " from "),
      java.util.Map.entry("grants", " from "));

  /** Partnership nouns that need "in" before them (in partnership with). */
  private static final Set<String> AFTER_IN = Set.of("partnership", "collaboration", "conjunction");

  /** What a body has and a person rarely does, after its name. */
  private static final Set<String> WORKFORCE = Set.of("employees", "employee", "volunteers", "staff", "staffers",
      "associates", "workers", "executives", "headquarters", "shareholders", "customers");

  /** After a possessive name: the body's own people and parts. */
  private static final Set<String> OWNED = Set.of("employees", "volunteers", "staff", "headquarters", "foundation",
      "board", "ceo", "founder", "associates", "shareholders", "customers", "stores");

  /** The last word of a company's name that a later mention leaves out. */
  private static final Set<String> CORPORATE = Set.of("pharmaceuticals", "inc", "corp", "corporation", "company",
      "co", "group", "holdings", "brands", "technologies", "industries", "llc", "ltd", "plc", "limited",
      "incorporated", "international");

  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "our", "their", "his", "her", "its",
      "my", "your", "this", "that", "these", "those", "many", "some", "all", "most", "other", "several", "each",
      "every", "both");

  /** Capitalised words that are no name of a body on their own. */
  private static final Set<String> NOT_A_NAME = Set.of(
      "the", "a", "an", "our", "their", "his", "her", "its", "my", "your", "we", "they", "i", "it", "he", "she",
      "this", "that", "these", "those", "many", "some", "all", "most", "other", "several", "each", "every",
      "both", "more", "new", "local", "national", "international", "global", "regional", "federal", "state",
      "city", "county", "corporate", "company", "former", "acting", "interim", "senior", "chief", "vice",
      "executive", "deputy", "president", "director", "mr", "mrs", "ms", "dr", "north", "south", "east", "west",
      "northern", "southern", "eastern", "western", "central", "january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "here",
      "there", "while", "when", "after", "before", "during", "since", "with", "from", "for", "and", "but",
      "america", "u.s", "u.s.", "us", "usa", "uk", "u.k", "u.k.", "africa", "asia", "europe", "china", "india",
      "japan", "korea", "canada", "mexico", "brazil", "france", "germany", "england", "britain", "australia",
      "russia", "italy", "spain", "alabama", "alaska", "arizona", "arkansas", "california", "colorado",
      "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
      "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
      "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
      "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "wisconsin",
      "wyoming", "york", "jersey", "carolina", "dakota", "hampshire", "island", "london", "paris",
      "beijing", "shanghai", "tokyo", "chicago", "boston", "atlanta");

  /** Names found by context, then their other mentions and the short forms of known company names. */
  static List<OrgSpan> find(String text, List<OrgSpan> known) {
    List<OrgSpan> out = new ArrayList<>();
    cues(text, out);
    // name -> source of its other mentions: the names found here, then the short forms of every
    // company name (known or found here)
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    for (OrgSpan s : out) {
      names.put(text.substring(s.start(), s.end()), CONTEXT);
    }
    List<OrgSpan> companies = new ArrayList<>(known);
    companies.addAll(out);
    for (OrgSpan s : companies) {
      String shortForm = withoutCorporateWord(text.substring(s.start(), s.end()));
      if (shortForm != null) {
        names.putIfAbsent(shortForm, SHORT);
      }
    }
    mentions(text, names, out);
    return dedupe(out);
  }

  private static void add(String text, int[] span, List<OrgSpan> out) {
    if (span != null && plausible(text, span[0], span[1])) {
      out.add(new OrgSpan(span[0], span[1], 0.7, CONTEXT));
    }
  }

  /**
   * One pass over the lower-case words: a person's role (then the body after it), a partnership
   * (then the partner), a workforce (the body before it). Words in capitals are a headline's.
   */
  private static void cues(String text, List<OrgSpan> out) {
    int n = text.length();
    for (int at = 0; at < n; at++) {
      char c = text.charAt(at);
      boolean capital = c >= 'A' && c <= 'Z';
      if (!capital && (c < 'a' || c > 'z') || at > 0 && isWordChar(text.charAt(at - 1))) {
        continue;
      }
      int end = capital ? at + 1 : at;
      while (end < n && (text.charAt(end) >= 'a' && text.charAt(end) <= 'z' || text.charAt(end) == '-')) {
        end++;
      }
      if (end < n && isWordChar(text.charAt(end))) {
        at = end;
        continue;
      }
      String word = text.substring(at, end);
      if (capital) {
        // a role in title case (Executive Director at CodeDay); nothing else counts in capitals
        String lower = word.toLowerCase(Locale.ROOT);
        if (ROLES.contains(lower)) {
          role(text, at, end, lower, out);
        }
      } else if (ROLES.contains(word)) {
        role(text, at, end, word, out);
      } else if (PARTNERS.containsKey(word)) {
        partner(text, at, end, word, out);
      } else if (WORKFORCE.contains(word) || OWNED.contains(word)) {
        workforce(text, at, end, word, out);
      }
      at = end;
    }
    // CEO, CFO: in capitals
    for (String upper : List.of("CEO", "CFO", "COO", "CTO", "CMO")) {
      for (int at = text.indexOf(upper); at >= 0; at = text.indexOf(upper, at + 3)) {
        int end = at + 3;
        if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == n || !isWordChar(text.charAt(end)))) {
          role(text, at, end, upper.toLowerCase(Locale.ROOT), out);
        }
      }
    }
  }

  /**
   * "Sidney Falken, chief branding officer, HanesBrands", "who is president, community
   * relations, Target", "Executive Director at CodeDay", "interim CEO of Cleveland Clinic London":
   * the role must open an appositive (after a comma) or a predicate (is, as), not be someone's
   * (its founder, the company's CEO, Tim Cook), whose appositive is a person.
   */
  private static void role(String text, int at, int end, String role, List<OrgSpan> out) {
    if (!introducesRole(text, at)) {
      return;
    }
    int i = end;
    boolean of = false;
    if (text.startsWith(" of ", i)) {
      int dept = text.startsWith("the ", i + 4) ? i + 4 : lowerWords(text, i + 4, 2);
      if (dept > i + 4) {
        i = dept; // director of communications, Acme
      } else if (LEADS_OF.contains(role) || leadsOf(text, at, role)) {
        i += 4;
        of = true;
      } else {
        return;
      }
    }
    if (!of && text.startsWith(", ", i)) {
      int dept = lowerWords(text, i + 2, 4);
      if (dept > i + 2) {
        i = dept; // president, community relations, Target
      }
    }
    if (!of) {
      if (text.startsWith(", ", i)) {
        i += 2;
      } else if (text.startsWith(" at ", i)) {
        i += 4;
      } else {
        return;
      }
    }
    int[] run = runAfter(text, i);
    // "Vice President, Marketing, Acme": a capitalised department or a place may come first;
    // which of the two is the body is not clear, so neither
    if (run != null && !(text.startsWith(", ", run[1]) && capitalisedWordAt(text, run[1] + 2))) {
      add(text, run, out);
    }
  }

  /** executive director of, managing director of, chief executive (officer) of. */
  private static boolean leadsOf(String text, int at, String role) {
    return role.equals("director") && (endsWithWord(text, at, "executive") || endsWithWord(text, at, "managing"))
        || role.equals("officer") && endsWithWord(text, at, "executive");
  }

  private static boolean endsWithWord(String text, int at, String word) {
    int s = at - 1 - word.length();
    return s >= 0 && text.charAt(at - 1) == ' ' && text.regionMatches(true, s, word, 0, word.length())
        && (s == 0 || !isWordChar(text.charAt(s - 1)));
  }

  /**
   * Walking back over at most three words before the role (chief branding, senior, a): a comma
   * before them, or is/as, opens it; a possessive (its, the company's) makes it someone's.
   */
  private static boolean introducesRole(String text, int at) {
    int i = at;
    for (int walked = 0; ; walked++) {
      int j = i - 1;
      if (j < 0) {
        return false;
      }
      if (text.charAt(j) == ',') {
        return true;
      }
      if (text.charAt(j) != ' ') {
        return false;
      }
      if (j > 0 && text.charAt(j - 1) == ',') {
        return true;
      }
      int ws = j;
      while (ws > 0 && (isWordChar(text.charAt(ws - 1)) || text.charAt(ws - 1) == '\'' || text.charAt(ws - 1) == '’'
          || text.charAt(ws - 1) == '-')) {
        ws--;
      }
      if (ws == j) {
        return false;
      }
      String w = text.substring(ws, j).toLowerCase(Locale.ROOT);
      if (INTRODUCING.contains(w)) {
        return true;
      }
      if (OWNERS.contains(w) || w.endsWith("'s") || w.endsWith("’s") || walked >= 3) {
        return false;
      }
      i = ws;
    }
  }

  /** The end of 1..max lower-case words from {@code i} (separated by single spaces), or i if none. */
  private static int lowerWords(String text, int i, int max) {
    int end = i;
    int p = i;
    for (int k = 0; k < max; k++) {
      int e = p;
      while (e < text.length() && (text.charAt(e) >= 'a' && text.charAt(e) <= 'z' || text.charAt(e) == '&')) {
        e++;
      }
      if (e == p || e < text.length() && isWordChar(text.charAt(e))) {
        break;
      }
      end = e;
      if (!text.startsWith(" ", e) || e + 1 >= text.length() || !Character.isLowerCase(text.charAt(e + 1))) {
        break;
      }
      p = e + 1;
    }
    return end;
  }

  /** in partnership with X, partnered with X, sponsored by X, a grant from X. */
  private static void partner(String text, int at, int end, String word, List<OrgSpan> out) {
    String then = PARTNERS.get(word);
    if (AFTER_IN.contains(word) && !endsWithWord(text, at, "in")) {
      return;
    }
    if (text.startsWith(then, end)) {
      add(text, runAfter(text, end + then.length()), out);
    }
  }

  /** X employees, X’s headquarters: the capitalised words before a workforce word. */
  private static void workforce(String text, int at, int end, String word, List<OrgSpan> out) {
    if (at < 2 || text.charAt(at - 1) != ' ') {
      return;
    }
    int nameEnd = at - 1;
    boolean possessive = text.startsWith("'s", nameEnd - 2) || text.startsWith("’s", nameEnd - 2);
    if (possessive ? !OWNED.contains(word) : !WORKFORCE.contains(word)) {
      return;
    }
    int[] span = runBefore(text, possessive ? nameEnd - 2 : nameEnd);
    // the run as written, with a "The" dropped from it, must not open the sentence
    if (span != null && insideSentence(text, span[2])) {
      add(text, span, out);
    }
  }

  /** Capitalised words (of/for/& between them) from {@code at}, after an optional "the"; null if none. */
  static int[] runAfter(String text, int at) {
    int n = text.length();
    if (text.startsWith("the ", at) || text.startsWith("The ", at)) {
      at += 4;
    }
    int start = at;
    int end = -1;
    int words = 0;
    int i = at;
    while (i < n && words < 6) {
      int w = wordEnd(text, i);
      if (w == i) {
        break;
      }
      String word = text.substring(i, w);
      boolean capital = Character.isUpperCase(word.charAt(0));
      boolean link = word.equals("of") || word.equals("for") || word.equals("&");
      if (!capital && !link) {
        break;
      }
      words++;
      int possessive = possessiveAt(text, i, w);
      if (capital) {
        end = possessive >= 0 ? possessive : trimDot(text, i, w);
      }
      if (possessive >= 0 || w >= n || text.charAt(w) != ' ' || w + 1 >= n || text.charAt(w + 1) == ' ') {
        break;
      }
      i = w + 1;
    }
    return end > start ? new int[] {start, end} : null;
  }

  /**
   * Capitalised words ending at {@code end} (exclusive), at most four, leading non-names dropped:
   * {start, end, where the run began before they were dropped}, or null.
   */
  static int[] runBefore(String text, int end) {
    int start = -1;
    int i = end;
    int words = 0;
    while (i > 0 && words < 4) {
      int s = i;
      while (s > 0 && isWordChar(text.charAt(s - 1))) {
        s--;
      }
      if (s == i || !Character.isUpperCase(text.charAt(s))) {
        break;
      }
      start = s;
      words++;
      if (s < 2 || text.charAt(s - 1) != ' ' || text.charAt(s - 2) == ' ') {
        break;
      }
      i = s - 1;
    }
    if (start < 0) {
      return null;
    }
    int written = -1;
    // drop leading months, days and the like (the month of September Altria employees); a
    // determiner dropped (The Plant Operations staff) still counts where the run begins
    while (start < end) {
      int w = wordEnd(text, start);
      String word = bare(text.substring(start, Math.min(w, end)));
      if (!NOT_A_NAME.contains(word)) {
        break;
      }
      if (written < 0 && DETERMINERS.contains(word)) {
        written = start;
      }
      start = Math.min(w + 1, end);
    }
    return start < end ? new int[] {start, end, written < 0 ? start : written} : null;
  }

  /** Not the first word of a sentence, line or headline, where every word is capitalised. */
  private static boolean insideSentence(String text, int start) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLowerCase(c) || Character.isDigit(c) || c == ',' || c == ';' || c == '–' || c == '—'
        || c == '-' || c == ')';
  }

  /** A name: not made only of words that are capitalised for other reasons, no nationality alone. */
  private static boolean plausible(String text, int start, int end) {
    return end - start >= 2 && plausible(text.substring(start, end));
  }

  private static boolean plausible(String name) {
    String[] words = name.split(" ");
    boolean any = false;
    for (String w : words) {
      String b = bare(w);
      if (!b.equals("of") && !b.equals("for") && !b.equals("&") && !NOT_A_NAME.contains(b)) {
        any = true;
      }
    }
    if (!any || NOT_A_NAME.contains(bare(words[0]))) {
      return false;
    }
    if (words.length == 1) {
      String b = bare(words[0]);
      // nationalities and languages (American, Korean, Chinese, British); a head alone
      // (chairman of the Foundation) is the body named before
      return !(b.endsWith("an") || b.endsWith("ese") || b.endsWith("ish") || EnglishOrganizations.isHead(b));
    }
    return true;
  }

  /** The name less its last corporate word(s) and commas (Altria Group, Inc. -> Altria), or null. */
  static String withoutCorporateWord(String name) {
    if (name.isEmpty() || name.charAt(0) >= 0x80) {
      return null;
    }
    String s = name;
    boolean cut = false;
    while (true) {
      int space = s.lastIndexOf(' ');
      if (space < 0) {
        break;
      }
      String last = bare(s.substring(space + 1));
      if (!CORPORATE.contains(last)) {
        break;
      }
      s = s.substring(0, space);
      while (s.endsWith(",")) {
        s = s.substring(0, s.length() - 1);
      }
      cut = true;
    }
    if (!cut && s.indexOf(' ') < 0) {
      // HanesBrands: a corporate word glued on
      for (int i = 3; i < s.length(); i++) {
        if (Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i - 1))
            && CORPORATE.contains(s.substring(i).toLowerCase(Locale.ROOT))) {
          s = s.substring(0, i);
          cut = true;
          break;
        }
      }
    }
    if (!cut || s.length() < 3 || !Character.isUpperCase(s.charAt(0))) {
      return null;
    }
    for (String w : s.split(" ")) {
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) && !w.equals("of") && !w.equals("&")) {
        return null;
      }
    }
    return plausible(s) ? s : null;
  }

  /**
   * Every mention of one of {@code names} that stands alone: not inside a longer run of
   * capitalised words (Hanes National Sock Drive, a title-case headline) nor glued to a letter.
   * One pass over the capitalised words, each looked up by its first word, so a page with
   * thousands of such names costs no more than its words.
   */
  private static void mentions(String text, java.util.Map<String, String> names, List<OrgSpan> out) {
    if (names.isEmpty()) {
      return;
    }
    java.util.Map<String, List<String>> byFirstWord = new java.util.HashMap<>();
    for (String name : names.keySet()) {
      byFirstWord.computeIfAbsent(name.substring(0, wordEnd(name, 0)), k -> new ArrayList<>()).add(name);
    }
    int n = text.length();
    for (int at = 0; at < n; at++) {
      if (!Character.isUpperCase(text.charAt(at)) || at > 0 && isWordChar(text.charAt(at - 1))) {
        continue;
      }
      int w = wordEnd(text, at);
      String first = text.substring(at, w);
      if (first.endsWith("'s") || first.endsWith("’s")) {
        first = first.substring(0, first.length() - 2); // Alexion’s headquarters
      }
      List<String> candidates = byFirstWord.get(first);
      for (int k = 0; candidates != null && k < candidates.size(); k++) {
        String name = candidates.get(k);
        if (text.startsWith(name, at) && standsAlone(text, at, at + name.length())) {
          out.add(new OrgSpan(at, at + name.length(), 0.7, names.get(name)));
        }
      }
      at = Math.max(at, w - 1);
    }
  }

  private static boolean standsAlone(String text, int at, int end) {
    if (end < text.length() && isWordChar(text.charAt(end))) {
      return false;
    }
    if (end + 1 < text.length() && text.charAt(end) == ' ' && capitalisedWordAt(text, end + 1)) {
      return false;
    }
    if (at >= 2 && text.charAt(at - 1) == ' ' && isWordChar(text.charAt(at - 2))) {
      int s = at - 1;
      while (s > 0 && isWordChar(text.charAt(s - 1))) {
        s--;
      }
      return !Character.isUpperCase(text.charAt(s)) || NOT_A_NAME.contains(bare(text.substring(s, at - 1)));
    }
    return true;
  }

  private static boolean capitalisedWordAt(String text, int i) {
    return i < text.length() && Character.isUpperCase(text.charAt(i));
  }

  private static List<OrgSpan> dedupe(List<OrgSpan> spans) {
    List<OrgSpan> out = new ArrayList<>(spans.size());
    Set<Long> seen = new java.util.HashSet<>();
    for (OrgSpan s : spans) {
      if (seen.add((long) s.start() << 32 | s.end())) {
        out.add(s);
      }
    }
    return out;
  }

  /** Where the word starting at {@code i} ends: letters, digits, apostrophes, dots, hyphens, or one &. */
  private static int wordEnd(String text, int i) {
    int n = text.length();
    if (i < n && text.charAt(i) == '&') {
      return i + 1;
    }
    int e = i;
    while (e < n && (isWordChar(text.charAt(e)) || e > i && "'’.-".indexOf(text.charAt(e)) >= 0
        && e + 1 < n && isWordChar(text.charAt(e + 1)))) {
      e++;
    }
    if (e < n && e > i && text.charAt(e) == '.' && isAbbreviation(text.substring(i, e + 1))) {
      e++;
    }
    return e;
  }

  /** The end of a word's possessive ('s, ’s) start, or -1. */
  private static int possessiveAt(String text, int start, int end) {
    return end - start > 2 && (text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2)) ? end - 2 : -1;
  }

  private static int trimDot(String text, int start, int end) {
    return end > start + 1 && text.charAt(end - 1) == '.' && !isAbbreviation(text.substring(start, end))
        ? end - 1 : end;
  }

  private static boolean isAbbreviation(String w) {
    return EnglishOrganizations.isAbbreviation(w);
  }

  private static boolean isWordChar(char c) {
    return EnglishOrganizations.alnum(c);
  }

  /** Lower case, without a possessive or a final dot. */
  private static String bare(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    if (l.endsWith("'s") || l.endsWith("’s")) {
      l = l.substring(0, l.length() - 2);
    }
    return l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
  }
}
