package io.articlepipeline.enrich.core.keywords;

import io.articlepipeline.text.Scripts;
import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.enrich.core.org.OrgSpan;
import io.articlepipeline.text.AnalysisText;
import io.articlepipeline.text.PatternStarts;
import io.articlepipeline.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.articlepipeline.enrich.core.keywords.PhraseCandidates.*;

/**
 * Key phrases: runs of noun-like words (never single characters) and quoted names, scored by
 * frequency, position, a title bonus and rarity in a background corpus (document
 * frequencies); a phrase that only ever occurs inside a better one is not repeated.
 */
public final class KeywordExtractor {

  private static final Pattern QUOTED = Pattern.compile("[“\"《‘「『]([^”\"》’」』\\n“‘]{2,10})[”\"》’」』]");
  /** The characters a {@link #QUOTED} match begins with. */
  private static final PatternStarts QUOTE_OPENERS = PatternStarts.of("“\"《‘「『");

  private final DocumentFrequencies background;
  private final KeyphrasenessPrior prior;
  private final KeyphrasenessPrior domain;
  private final KeywordRanker ranker;

  /** How many of the best candidates by the hand-weighted score the learned ranker re-orders. */
  public static final int RERANK = 60;

  /** @param background document frequencies of a background corpus, or null */
  public KeywordExtractor(DocumentFrequencies background) {
    this(background, null, null, null);
  }

  /**
   * @param background document frequencies of a background corpus, or null
   * @param prior      the headline keyphraseness table, or null
   * @param domain     the keyphraseness table of keyword-labelled texts, or null
   * @param ranker     the learned ranker, or null for the hand-weighted score alone
   */
  public KeywordExtractor(DocumentFrequencies background, KeyphrasenessPrior prior, KeyphrasenessPrior domain,
      KeywordRanker ranker) {
    this.background = background;
    this.prior = prior;
    this.domain = domain;
    this.ranker = ranker;
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
    content = keywordContent(text.text(), content);
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
    if (ranker == null) {
      return select(rank(candidates, limit * 4), candidates, limit, false);
    }
    return select(learnedRank(candidates), candidates, limit, true);
  }

  /**
   * The candidates the learned ranker sees (the best {@link #RERANK} by the hand-weighted score,
   * in that order) with their features, for training and evaluating a ranker; empty for a mostly
   * Latin text (the English rules have no candidates of this kind).
   */
  public Candidates candidateFeatures(AnalysisText text, List<Token> tokens, boolean[] content,
      AnalysisText titleText, List<Token> title, List<OrgSpan> orgs) {
    content = keywordContent(text.text(), content);
    if (Scripts.mostlyLatin(text.text())) {
      return new Candidates(List.of(), Map.of(), new double[0][]);
    }
    Map<String, Candidate> candidates = collect(text, tokens, content, titleText, title, orgs);
    List<Map.Entry<String, Candidate>> entries = rank(candidates, RERANK);
    if (entries.size() > RERANK) {
      entries = new ArrayList<>(entries.subList(0, RERANK));
    }
    double[][] features = new double[entries.size()][];
    for (int i = 0; i < features.length; i++) {
      features[i] = new double[KeywordFeatures.COUNT];
      features(entries.get(i).getKey(), entries.get(i).getValue(), i, features[i]);
    }
    return new Candidates(entries, candidates, features);
  }

  /** One text's candidates in hand-score order, their surface forms and feature vectors. */
  public static final class Candidates {
    private final List<Map.Entry<String, Candidate>> entries;
    private final Map<String, Candidate> byKey;
    private final double[][] features;

    Candidates(List<Map.Entry<String, Candidate>> entries, Map<String, Candidate> byKey, double[][] features) {
      this.entries = entries;
      this.byKey = byKey;
      this.features = features;
    }

    public int size() {
      return entries.size();
    }

    public String key(int i) {
      return entries.get(i).getKey();
    }

    public String surface(int i) {
      return entries.get(i).getValue().surface();
    }

    public double[] features(int i) {
      return features[i];
    }

    /**
     * The keywords the extractor's selection (nesting and overlap rules) makes of these
     * candidates ordered by {@code scores} (one per candidate, higher first); each keyword's
     * score is the sigmoid of its candidate's score.
     */
    public List<Keyword> select(double[] scores, int limit) {
      List<Map.Entry<String, Candidate>> ranked = new ArrayList<>(entries);
      for (int i = 0; i < scores.length; i++) {
        entries.get(i).getValue().score = scores[i];
      }
      ranked.sort(BY_SCORE);
      if (ranked.size() > limit * 4) {
        ranked = ranked.subList(0, limit * 4);
      }
      return KeywordExtractor.select(ranked, byKey, limit, true);
    }
  }

  /** Features of one candidate (its hand-weighted score in {@code c.score}) into {@code out}. */
  private void features(String key, Candidate c, int handRank, double[] out) {
    double idf = background == null ? 1.0 : background.idf(key);
    double maxIdf = background == null ? 1.0 : background.maxIdf();
    int df = background == null ? 0 : background.df(key);
    KeywordFeatures.fill(key, c, c.score, handRank, df, idf, maxIdf, prior,
        prior == null ? null : prior.counts(key), domain == null ? null : domain.counts(key), out);
  }

  /**
   * The best {@link #RERANK} candidates by the hand-weighted score, re-ordered by the learned
   * ranker's logit (which replaces the score).
   */
  private List<Map.Entry<String, Candidate>> learnedRank(Map<String, Candidate> candidates) {
    List<Map.Entry<String, Candidate>> ranked = rank(candidates, RERANK);
    int n = Math.min(RERANK, ranked.size());
    List<Map.Entry<String, Candidate>> out = new ArrayList<>(ranked.subList(0, n));
    double[] f = new double[KeywordFeatures.COUNT];
    for (int i = 0; i < n; i++) {
      Map.Entry<String, Candidate> e = out.get(i);
      features(e.getKey(), e.getValue(), i, f);
      e.getValue().score = ranker.logit(f);
    }
    out.sort(BY_SCORE);
    return out;
  }

  /**
   * Keywords are read from the first this many characters of a page's content: every article
   * fits (a long report is some tens of thousands), and a page of 700,000 characters of one
   * character or of random ones would otherwise build millions of candidate phrases (hundreds of
   * MB) for ten keywords.
   */
  static final int MAX_CONTENT = 100_000;

  /** The content mask without addresses and past {@link #MAX_CONTENT} content characters (a copy when changed). */
  static boolean[] keywordContent(String text, boolean[] content) {
    content = withoutAddresses(text, content);
    int seen = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] && ++seen > MAX_CONTENT) {
        boolean[] capped = java.util.Arrays.copyOf(content, content.length);
        java.util.Arrays.fill(capped, i, capped.length, false);
        return capped;
      }
    }
    return content;
  }

  /**
   * Web and e-mail addresses: 网址:http://www.hfyggy.com/ names no topic (hfyggy). The domain's
   * labels are bounded (the regex engine recurses once per repetition of a group: a@b.c.d... of a
   * million labels overflowed the stack).
   */
  static final Pattern ADDRESS = Pattern.compile(
      "(?i)(?:https?://|www\\.)[\\w.~:/?#\\[\\]@!$&'*+,;=%-]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+){1,64}");

  /** The content mask with web and e-mail addresses taken out (a copy; the original is untouched). */
  static boolean[] withoutAddresses(String text, boolean[] content) {
    if (text.indexOf('@') < 0 && text.indexOf("://") < 0 && text.indexOf("www.") < 0 && text.indexOf("WWW.") < 0) {
      return content; // most texts: no scan with the pattern
    }
    Matcher m = ADDRESS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    boolean[] out = null;
    int at = 0;
    for (int start : addressStarts(text)) {
      if (start < at) {
        continue;
      }
      m.region(start, text.length());
      if (m.lookingAt()) {
        if (out == null) {
          out = content.clone();
        }
        java.util.Arrays.fill(out, m.start(), m.end(), false);
        at = m.end();
      }
    }
    return out == null ? content : out;
  }

  /**
   * Where an {@link #ADDRESS} match can begin, in order: at http:// or https:// or www. (any
   * case), and for each @ at the first character of the run of e-mail name characters before it.
   * Matcher.find would try the pattern at every character, and on an English page every letter
   * starts an e-mail name that runs to the end of its word before failing; a match inside such a
   * run begins at its first character or not at all, since from every character of the run the
   * rest of the pattern meets the same text. A run cut by an earlier match is searched again from
   * that match's end.
   */
  private static int[] addressStarts(String text) {
    java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
    int n = text.length();
    for (int i = text.indexOf("://"); i >= 0; i = text.indexOf("://", i + 3)) {
      if (i >= 4 && text.regionMatches(true, i - 4, "http", 0, 4)) {
        starts.add(i - 4);
      }
      if (i >= 5 && text.regionMatches(true, i - 5, "https", 0, 5)) {
        starts.add(i - 5);
      }
    }
    for (int i = 0; i + 4 <= n; i++) {
      if ((text.charAt(i) == 'w' || text.charAt(i) == 'W') && text.regionMatches(true, i, "www.", 0, 4)) {
        starts.add(i);
      }
    }
    for (int i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
      int run = i;
      while (run > 0 && emailNameChar(text.charAt(run - 1))) {
        run--;
      }
      // every character of the run, for when an earlier match ends inside it
      for (int k = run; k < i; k++) {
        starts.add(k);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The regex class [\w.+-]: ASCII letters and digits, _, ., + and -. */
  private static boolean emailNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '+'
        || c == '-';
  }

  /** 老人 + 们: the plural suffix makes no new phrase (老人们 is 老人, which is a candidate too). */
  private static boolean plural(Token last) {
    return last.word().equals("们");
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
      if (inside[start] == 1 || inside[end] == 1 || plural(last)) {
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
      if (inside[start] == 1 || inside[end] == 1 || known != null && !known.loose || plural(last)) {
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
    for (int at = 0; QUOTE_OPENERS.find(q, text.text(), at); at = q.end()) {
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



  /** @param probability scores are logits: report their sigmoid */
  private static List<Keyword> select(List<Map.Entry<String, Candidate>> ranked,
      Map<String, Candidate> candidates, int limit, boolean probability) {
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
      double score = probability ? KeywordRanker.sigmoid(c.score) : c.score;
      out.add(new Keyword(c.surface(), Math.round(score * 1000) / 1000.0));
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

  static final class Candidate {
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
