package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.enrich.core.Keyword;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English key phrases: runs of content words between stop words and punctuation (the RAKE
 * idea; any printed character but a letter, such as a dash, bullet or digit, ends a run), never
 * opened or closed by a vague adjective (new, notable, high) nor closed by a participle or adverb
 * (employees participated, service led), never a piece cut out of a run of five or more
 * capitalised words (Texas Gulf Coast American Red Cross); capitalised names whose parts are linked by
 * of/and/on/for/to (Points of Light Foundation), outside all-capitalised headline rows; scored by
 * how often the phrase and its words occur, with a title bonus. (A part-of-speech tagger,
 * OpenNLP's, found the same phrases but made the whole enrichment about a third slower.)
 */
final class EnglishKeywords {

  /** A word, or any other printed character (dash, bullet, digit, quote, line break): a phrase boundary. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’\\-]*[A-Za-z]|[A-Za-z]|[^ \\tA-Za-z]");
  private static final Set<String> STOP = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
      "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
      "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
      "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
      "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
      "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
      "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
      "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
      "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
      "you", "your", "yours", "yourself", "said", "says", "say", "new", "one", "two", "three", "many", "much",
      "like", "get", "got", "make", "made", "may", "might", "must", "year", "years", "day", "days", "time",
      "including", "include", "includes", "across", "around", "within", "without", "per", "via", "since", "among",
      "us", "let", "well", "first", "last", "every", "help", "helps", "need", "needs", "according",
      "read", "click", "share", "email", "news", "http", "https", "www", "com", "org", "nbsp", "amp", "s", "t",
      "spacer", "contact", "copyright", "rights", "reserved", "privacy", "policy", "terms", "use", "home",
      "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "pm",
      "min", "ago", "hour", "hours", "updated", "people", "forms", "widget", "subscribe", "feed", "feeds");
  /** Adjectives too vague to open or close a key phrase (new grant awards -> grant awards). */
  static final Set<String> VAGUE = Set.of(
      "new", "notable", "high", "major", "former", "other", "several", "various", "own", "different", "certain",
      "recent", "main", "key", "top", "next", "best", "great", "big", "large", "small", "good", "important",
      "significant", "additional", "current", "annual", "few", "total", "whole", "special", "full", "free");
  /** Capitalised at a sentence start but not part of the name (The Global Day of Service). */
  static final Set<String> ARTICLES = Set.of("the", "a", "an", "this", "that", "these", "those", "our", "their",
      "its", "his", "her");
  /** Lower-case words that may link the capitalised parts of a name (Points of Light Foundation). */
  static final Set<String> NAME_LINKS = Set.of("of", "and", "on", "for", "to");

  static final double MULTI = 0.8;
  /** Capitalised words in a row from which on a window may not cut through them. */
  static final int MIN_CUT = 5;
  static final double SINGLE = 0.5;
  static final double ONCE = 0.6;

  private EnglishKeywords() {
  }

  /**
   * @param content the article text (analysis form), content lines only
   * @param surface the same text as printed (same offsets)
   */
  static List<Keyword> extract(String content, String surface, String title, int limit) {
    Map<String, double[]> phrases = new HashMap<>();
    Map<String, String> surfaces = new HashMap<>();
    Map<String, Integer> wordFreq = new HashMap<>();
    List<int[]> run = new ArrayList<>();
    Matcher m = WORD.matcher(content);
    int length = Math.max(1, content.length());
    while (true) {
      boolean found = m.find();
      String w = found ? m.group().toLowerCase(Locale.ROOT) : ".";
      boolean boundary = !found || !Character.isLetter(w.charAt(0)) || STOP.contains(w) || w.length() < 2;
      if (boundary) {
        emit(run, content, surface, phrases, surfaces, length);
        run.clear();
      } else {
        run.add(new int[] {m.start(), m.end()});
        wordFreq.merge(w, 1, Integer::sum);
      }
      if (!found) {
        break;
      }
    }
    names(content, surface, phrases, surfaces, wordFreq, length);
    String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
    List<Map.Entry<String, double[]>> ranked = new ArrayList<>(phrases.entrySet());
    for (Map.Entry<String, double[]> e : ranked) {
      String k = e.getKey();
      double[] v = e.getValue();
      String[] words = k.split(" ");
      double wordScore = 0;
      for (String w : words) {
        wordScore += Math.log1p(wordFreq.getOrDefault(w, 1));
      }
      double tf = v[0];
      double score = (tf + v[1]) * (1 + MULTI * (words.length - 1)) * wordScore / words.length;
      if (words.length == 1) {
        score *= SINGLE;
      } else if (tf < 2) {
        score *= ONCE;
      }
      if (lowerTitle.contains(k)) {
        score *= 1.8;
      }
      v[2] = score;
    }
    ranked.sort((a, b) -> Double.compare(b.getValue()[2], a.getValue()[2]));
    List<Keyword> out = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    for (Map.Entry<String, double[]> e : ranked) {
      if (out.size() >= limit) {
        break;
      }
      String k = e.getKey();
      boolean redundant = false;
      for (String c : chosen) {
        if (c.contains(k) || k.contains(c)) {
          redundant = true;
          break;
        }
      }
      if (redundant) {
        continue;
      }
      chosen.add(k);
      out.add(new Keyword(surfaces.get(k), Math.round(e.getValue()[2] * 1000) / 1000.0));
    }
    return out;
  }

  private static final Pattern NAME = Pattern.compile(
      "\\b[A-Z][A-Za-z'’\\-]*(?:[ \\t]+(?:(?:of|and|on|for|to)[ \\t]+)?[A-Z][A-Za-z'’\\-]*)+");

  /**
   * Capitalised names whose parts are linked by of/and/on/for/to (Global Day of Service, Points
   * of Light Foundation): the stop words split them above. Not in headline-style lines, where
   * every word is capitalised.
   */
  private static void names(String content, String surface, Map<String, double[]> phrases,
      Map<String, String> surfaces, Map<String, Integer> wordFreq, int length) {
    int from = 0;
    while (from < content.length()) {
      int eol = content.indexOf('\n', from);
      int to = eol < 0 ? content.length() : eol;
      String line = content.substring(from, to);
      if (!headline(line)) {
        Matcher m = NAME.matcher(line);
        while (m.find()) {
          String[] words = m.group().split("[ \t]+");
          int lead = 0;
          int skip = 0;
          while (lead < words.length && ARTICLES.contains(words[lead].toLowerCase(Locale.ROOT))) {
            skip += words[lead].length();
            lead++;
          }
          boolean linked = false;
          for (int w = lead; w < words.length; w++) {
            linked |= NAME_LINKS.contains(words[w]);
          }
          int count = words.length - lead;
          if (!linked || count < 3 || count > 7) {
            continue;
          }
          int s = from + m.start() + skip;
          while (Character.isWhitespace(content.charAt(s))) {
            s++;
          }
          occurrence(content, surface, s, from + m.end(), length, phrases, surfaces);
          for (String w : words) {
            wordFreq.putIfAbsent(w.toLowerCase(Locale.ROOT), 1);
          }
        }
      }
      from = to + 1;
    }
  }

  /** Every word capitalised: a headline or a navigation row, where capitals mark no name. */
  private static boolean headline(String line) {
    int capitals = 0;
    int lower = 0;
    for (String w : line.trim().split("[^A-Za-z]+")) {
      if (w.isEmpty() || NAME_LINKS.contains(w) || STOP.contains(w)) {
        continue;
      }
      if (Character.isUpperCase(w.charAt(0))) {
        capitals++;
      } else {
        lower++;
      }
    }
    return capitals >= 4 && lower == 0;
  }

  /** Past participles and adverbs: a phrase ending in one is a clause, not a name of a thing. */
  static boolean endsLikeVerb(String word) {
    return word.length() > 4 && (word.endsWith("ed") || word.endsWith("ly")) || IRREGULAR_PARTICIPLES.contains(word);
  }

  static final Set<String> IRREGULAR_PARTICIPLES = Set.of("led", "held", "given", "taken", "sent", "built", "paid",
      "brought", "found", "known", "shown", "won", "left", "met", "seen", "told", "sold", "spent", "begun", "done",
      "gone", "grown", "chosen", "written", "driven", "kept", "lost", "thought", "taught", "caught", "bought");

  /** text[s, e) with each whitespace run as one space. */
  private static String collapse(String text, int s, int e) {
    StringBuilder b = new StringBuilder(e - s);
    boolean space = false;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        b.append(c);
      }
    }
    return b.toString();
  }

  private static void emit(List<int[]> run, String content, String surface, Map<String, double[]> phrases,
      Map<String, String> surfaces, int length) {
    // capitalised[k]: how many capitalised words in a row word k belongs to
    int[] capitals = new int[run.size()];
    for (int k = 0; k < run.size(); ) {
      int end = k;
      while (end < run.size() && capitalised(content, run.get(end))) {
        end++;
      }
      for (int x = k; x < end; x++) {
        capitals[x] = end - k;
      }
      k = Math.max(end, k + 1);
    }
    for (int i = 0; i < run.size(); i++) {
      // a window that cuts through a long run of capitalised words is a piece of a name (Texas
      // Gulf Coast American Red Cross -> coast american red)
      if (i > 0 && capitals[i] >= MIN_CUT && capitals[i - 1] > 0) {
        continue;
      }
      for (int j = i; j < run.size() && j < i + 3; j++) {
        if (j + 1 < run.size() && capitals[j] >= MIN_CUT && capitals[j + 1] > 0) {
          continue;
        }
        String first = content.substring(run.get(i)[0], run.get(i)[1]).toLowerCase(Locale.ROOT);
        String last = content.substring(run.get(j)[0], run.get(j)[1]).toLowerCase(Locale.ROOT);
        if (VAGUE.contains(first) || j > i && VAGUE.contains(last) || endsLikeVerb(last)) {
          continue; // new grant awards -> grant awards; employees participated is no phrase
        }
        occurrence(content, surface, run.get(i)[0], run.get(j)[1], length, phrases, surfaces);
      }
    }
  }

  private static boolean capitalised(String content, int[] word) {
    return Character.isUpperCase(content.charAt(word[0]));
  }

  /** Counts one occurrence of the phrase text[s, e): frequency, position weight, first surface. */
  private static void occurrence(String content, String surface, int s, int e, int length,
      Map<String, double[]> phrases, Map<String, String> surfaces) {
    String key = collapse(content, s, e).toLowerCase(Locale.ROOT);
    double[] v = phrases.computeIfAbsent(key, k -> new double[3]);
    v[0] += 1;
    v[1] += 0.5 * (1.0 - (double) s / length);
    surfaces.computeIfAbsent(key, k -> collapse(surface, s, e));
  }
}
