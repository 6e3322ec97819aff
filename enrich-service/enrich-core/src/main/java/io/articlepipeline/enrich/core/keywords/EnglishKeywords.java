package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.text.PatternStarts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English key phrases: runs of content words between stop words (number words such as million
 * among them) and punctuation (the RAKE idea; any printed character but a letter, such as a
 * dash, bullet or digit, ends a run), never
 * opened or closed by a vague adjective (new, notable, high) nor closed by a participle or adverb
 * (employees participated, service led), never a piece cut out of a run of five or more
 * capitalised words (Texas Gulf Coast American Red Cross), never all in capitals (a shouted
 * headline), never a participle or adverb between two words (communities honored outstanding),
 * never opened or closed by a verb that is hardly ever a noun (reduce racial inequities);
 * capitalised names whose parts are linked by of/and/on/for/to (Points of Light Foundation),
 * outside all-capitalised headline rows and footer names (Terms and Conditions); scored by
 * how often the phrase and its words occur, with a title bonus. (A part-of-speech tagger,
 * OpenNLP's, found the same phrases but made the whole enrichment about a third slower.)
 */
final class EnglishKeywords {

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
      "min", "ago", "hour", "hours", "updated", "people", "forms", "widget", "subscribe", "feed", "feeds",
      "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "dozen",
      "dozens", "percent");
  /** Adjectives too vague to open or close a key phrase (new grant awards -> grant awards). */
  static final Set<String> VAGUE = Set.of(
      "new", "notable", "high", "major", "former", "other", "several", "various", "own", "different", "certain",
      "recent", "main", "key", "top", "next", "best", "great", "big", "large", "small", "good", "important",
      "significant", "additional", "current", "annual", "few", "total", "whole", "special", "full", "free");
  /**
   * Verbs that are hardly ever nouns, with their -s and -ing forms: a key phrase names a thing,
   * so none opens one (reduce racial inequities, creating colorful arts). Verbs that are also
   * common nouns in either form (support, offer, fund, charge, build, giving, learning, foster
   * care) are not here.
   */
  static final Set<String> VERB_FORMS = verbForms(
      "create", "reduce", "provide", "ensure", "promote", "protect", "serve", "raise", "develop", "deliver",
      "encourage", "empower", "strengthen", "celebrate", "donate", "collect", "distribute", "prepare",
      "enhance", "attend", "announce", "recognize", "recognise", "inspire", "connect", "assist", "enable",
      "receive", "refresh", "improve", "expand", "bring", "take", "keep", "join", "achieve", "continue",
      "become", "allow", "invite", "seek", "unite", "mobilize", "mobilise", "thank", "explore");

  private static Set<String> verbForms(String... verbs) {
    java.util.HashSet<String> forms = new java.util.HashSet<>();
    for (String v : verbs) {
      forms.add(v);
      forms.add(v.endsWith("s") || v.endsWith("sh") || v.endsWith("ch") ? v + "es" : v + "s");
      forms.add(v.endsWith("e") && !v.endsWith("ee") ? v.substring(0, v.length() - 1) + "ing" : v + "ing");
    }
    return Set.copyOf(forms);
  }

  /**
   * Irregular verbs in the simple past that are no noun or adjective: like a stop word they end a
   * phrase (Alexion volunteers gave back, employees took part). Forms that are also things (rose,
   * saw, left, found, led, won) are not here.
   */
  static final Set<String> PAST_TENSE = Set.of("took", "gave", "came", "went", "began", "ran", "wrote", "grew",
      "knew", "drove", "chose", "spoke", "stood", "became", "felt", "heard", "told", "sold", "sent", "brought",
      "bought", "thought", "taught", "caught", "held", "threw", "flew", "ate", "sang", "swam", "forgot", "understood");

  /** Capitalised at a sentence start but not part of the name (The Global Day of Service). */
  static final Set<String> ARTICLES = Set.of("the", "a", "an", "this", "that", "these", "those", "our", "their",
      "its", "his", "her");
  /** Capitalised page furniture that looks like a linked name. */
  static final Set<String> FURNITURE = Set.of("terms and conditions", "terms of use", "terms of service",
      "terms of sale", "conditions of use");
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
    Map<String, Phrase> phrases = new HashMap<>();
    Map<String, Integer> wordFreq = new HashMap<>();
    List<int[]> run = new ArrayList<>();
    List<String> runWords = new ArrayList<>();
    int length = Math.max(1, content.length());
    int n = content.length();
    int i = 0;
    while (i <= n) {
      // the next word ([A-Za-z], then letters, apostrophes and hyphens, ending in a letter); any
      // other printed character ends a run, spaces and tabs do not
      char c = i < n ? content.charAt(i) : '.';
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int end = i + 1;
      String w = null;
      if (asciiLetter(c)) {
        int last = i;
        while (end < n && wordChar(content.charAt(end))) {
          if (asciiLetter(content.charAt(end))) {
            last = end;
          }
          end++;
        }
        end = last + 1;
        w = content.substring(i, end).toLowerCase(Locale.ROOT);
      }
      if (w == null || w.length() < 2 || STOP.contains(w) || PAST_TENSE.contains(w)) {
        emit(run, runWords, content, surface, phrases, length);
        run.clear();
        runWords.clear();
      } else {
        run.add(new int[] {i, end});
        runWords.add(w);
        wordFreq.merge(w, 1, Integer::sum);
      }
      i = end;
    }
    names(content, surface, phrases, wordFreq, length);
    String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
    List<Map.Entry<String, Phrase>> ranked = new ArrayList<>(phrases.entrySet());
    for (Map.Entry<String, Phrase> e : ranked) {
      String k = e.getKey();
      Phrase v = e.getValue();
      String[] words = k.split(" ");
      double wordScore = 0;
      for (String w : words) {
        wordScore += Math.log1p(wordFreq.getOrDefault(w, 1));
      }
      double tf = v.count;
      double score = (tf + v.position) * (1 + MULTI * (words.length - 1)) * wordScore / words.length;
      if (words.length == 1) {
        score *= SINGLE;
      } else if (tf < 2) {
        score *= ONCE;
      }
      if (lowerTitle.contains(k)) {
        score *= 1.8;
      }
      v.score = score;
    }
    ranked.sort((a, b) -> Double.compare(b.getValue().score, a.getValue().score));
    List<Keyword> out = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    for (Map.Entry<String, Phrase> e : ranked) {
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
      out.add(new Keyword(e.getValue().surface, Math.round(e.getValue().score * 1000) / 1000.0));
    }
    return out;
  }

  private static final PatternStarts CAPITALS = PatternStarts.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  /**
   * Most words a name may add to its first one: Java's regex engine recurses once per repetition
   * of a group, so an unbounded one overflowed the stack on a page that is one long run of
   * capitalised words; a longer run is read in pieces.
   */
  private static final int NAME_WORDS = 15;
  private static final Pattern NAME = Pattern.compile(
      "\\b[A-Z][A-Za-z'’\\-]*(?:[ \\t]+(?:(?:of|and|on|for|to)[ \\t]+)?[A-Z][A-Za-z'’\\-]*){1," + NAME_WORDS + "}");

  /**
   * Capitalised names whose parts are linked by of/and/on/for/to (Global Day of Service, Points
   * of Light Foundation): the stop words split them above. Not in headline-style lines, where
   * every word is capitalised.
   */
  private static void names(String content, String surface, Map<String, Phrase> phrases,
      Map<String, Integer> wordFreq, int length) {
    // a name never spans a line break, so one pass over the text finds what a pass per line would
    Matcher m = NAME.matcher(content);
    int lineEnd = -1; // the match's line ends here; none read yet
    boolean headline = false;
    // every name starts with a capital letter: the pattern is tried there only
    for (int at = 0; CAPITALS.find(m, content, at); at = m.end()) {
      if (m.start() > lineEnd) {
        // forward to the match's line (scanning forward only: linear even on one huge line)
        int lineStart = lineEnd + 1;
        while (m.start() > lineEnd) {
          lineStart = lineEnd + 1;
          int eol = content.indexOf('\n', lineStart);
          lineEnd = eol < 0 ? content.length() : eol;
        }
        headline = headline(content, lineStart, lineEnd);
      }
      if (headline) {
        continue;
      }
      String[] words = m.group().split("[ \t]+");
      int lead = 0;
      int skip = 0;
      while (lead < words.length && ARTICLES.contains(words[lead].toLowerCase(Locale.ROOT))) {
        skip += words[lead].length();
        lead++;
      }
      boolean linked = false;
      boolean onlyTo = true;
      for (int w = lead; w < words.length; w++) {
        if (NAME_LINKS.contains(words[w])) {
          linked = true;
          onlyTo &= words[w].equals("to");
        }
      }
      int count = words.length - lead;
      if (!linked || count < 3 || count > 7) {
        continue;
      }
      if (onlyTo && rangeFrom(content, m.start())) {
        continue; // From Athens, GA to Mumbai: a range, not a name
      }
      if (FURNITURE.contains(String.join(" ", words).toLowerCase(Locale.ROOT))) {
        continue;
      }
      int s = m.start() + skip;
      while (Character.isWhitespace(content.charAt(s))) {
        s++;
      }
      occurrence(content, surface, s, m.end(), length, phrases);
      for (String w : words) {
        wordFreq.putIfAbsent(w.toLowerCase(Locale.ROOT), 1);
      }
    }
  }

  /** "from" among the few words before {@code at} on its line: a following "X to Y" is a range. */
  private static boolean rangeFrom(String content, int at) {
    int from = Math.max(0, at - 40);
    for (int i = at - 1; i >= from; i--) { // back to the line start, at most 40 characters
      if (content.charAt(i) == '\n') {
        from = i + 1;
        break;
      }
    }
    return FROM.matcher(content.substring(from, at)).find();
  }

  private static final Pattern FROM = Pattern.compile("\\bfrom\\b", Pattern.CASE_INSENSITIVE);

  /** Every word capitalised: a headline or a navigation row, where capitals mark no name. */
  private static boolean headline(String text, int from, int to) {
    int capitals = 0;
    int lower = 0;
    int i = from;
    while (i < to) {
      if (!asciiLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int e = i + 1;
      while (e < to && asciiLetter(text.charAt(e))) {
        e++;
      }
      String w = text.substring(i, e);
      if (!NAME_LINKS.contains(w) && !STOP.contains(w)) {
        if (Character.isUpperCase(w.charAt(0))) {
          capitals++;
        } else {
          lower++;
        }
      }
      i = e;
    }
    return capitals >= 4 && lower == 0;
  }

  private static boolean asciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean wordChar(char c) {
    return asciiLetter(c) || c == '\'' || c == '’' || c == '-';
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

  private static void emit(List<int[]> run, List<String> words, String content, String surface,
      Map<String, Phrase> phrases, int length) {
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
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < run.size(); i++) {
      // a window that cuts through a long run of capitalised words is a piece of a name (Texas
      // Gulf Coast American Red Cross -> coast american red)
      if (i > 0 && capitals[i] >= MIN_CUT && capitals[i - 1] > 0) {
        continue;
      }
      String first = words.get(i);
      if (VAGUE.contains(first) || VERB_FORMS.contains(first)) {
        continue; // new grant awards -> grant awards; creating colorful arts is an action, not a topic
      }
      key.setLength(0);
      for (int j = i; j < run.size() && j < i + 3; j++) {
        if (j > i) {
          key.append(' ');
        }
        String last = words.get(j);
        key.append(last);
        if (j + 1 < run.size() && capitals[j] >= MIN_CUT && capitals[j + 1] > 0) {
          continue;
        }
        if (j > i && VAGUE.contains(last) || endsLikeVerb(last)) {
          continue; // employees participated is no phrase
        }
        if (j > i && VERB_FORMS.contains(last)) {
          continue; // volunteers serve: a clause
        }
        if (j == i + 2 && (endsLikeVerb(words.get(i + 1)) || VERB_FORMS.contains(words.get(i + 1)))
            && !capitalised(content, run.get(i + 1))) {
          continue; // communities honored outstanding, grants reduce racial: a clause cut at both ends
        }
        if (j > i && shouted(content, run, i, j)) {
          continue; // HELENE FAMILY SHARES: a headline in capitals (one word in capitals is an acronym)
        }
        // the words of a run are separated by spaces and tabs only: the key is the collapsed text
        count(key.toString(), surface, run.get(i)[0], run.get(j)[1], length, phrases);
      }
    }
  }

  /** Words i..j all in capital letters. */
  private static boolean shouted(String content, List<int[]> run, int i, int j) {
    for (int k = i; k <= j; k++) {
      for (int c = run.get(k)[0]; c < run.get(k)[1]; c++) {
        if (Character.isLowerCase(content.charAt(c))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean capitalised(String content, int[] word) {
    return Character.isUpperCase(content.charAt(word[0]));
  }

  /** Counts one occurrence of the phrase text[s, e): frequency, position weight, first surface. */
  private static void occurrence(String content, String surface, int s, int e, int length,
      Map<String, Phrase> phrases) {
    count(collapse(content, s, e).toLowerCase(Locale.ROOT), surface, s, e, length, phrases);
  }

  private static void count(String key, String surface, int s, int e, int length,
      Map<String, Phrase> phrases) {
    Phrase v = phrases.get(key);
    if (v == null) {
      v = new Phrase(collapse(surface, s, e));
      phrases.put(key, v);
    }
    v.count += 1;
    v.position += 0.5 * (1.0 - (double) s / length);
  }

  /** A candidate phrase: occurrences, position weight, score, and how it was first printed. */
  private static final class Phrase {
    final String surface;
    double count;
    double position;
    double score;

    Phrase(String surface) {
      this.surface = surface;
    }
  }
}
