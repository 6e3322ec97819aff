package io.articlepipeline.enrich.core.keywords;

import java.util.List;

/**
 * The features of one keyword candidate that {@link KeywordRanker} weighs: the hand-weighted
 * score, frequency, position, title, quotes, organization, shape (words, characters, Latin
 * letters, digits), tags at the edges, rarity in the background table and the headline
 * keyphraseness prior. Plain arithmetic on what the extractor already collected: no allocation,
 * two table lookups (background df, prior) per candidate.
 */
public final class KeywordFeatures {

  /** Feature names in vector order (the model file names its weights by these). */
  public static final List<String> NAMES = List.of(
      "handScore",      // log of the hand-weighted score (base x idf)
      "handRank",       // log(1 + rank by the hand-weighted score)
      "logCount",       // log(1 + occurrences)
      "logWeight",      // log(1 + position-weighted occurrences)
      "firstPosition",  // first occurrence / text length
      "inTitle",
      "titleOnly",      // in the title, never in the body
      "quoted",
      "org",            // an organization name
      "loose",          // only a recurring run the tag rules reject
      "innerVerb",
      "fragment",       // every occurrence glued to a single character
      "once",           // at most one occurrence
      "words1",
      "words3plus",
      "chars2",
      "chars3",
      "chars5to6",
      "chars7plus",
      "idf",            // background idf / its maximum
      "unseenBackground",
      "verbEdge",       // starts or ends with a verb
      "nounEnd",        // last word a noun
      "idiom",          // a single idiom (tag i)
      "latin",          // contains a Latin letter
      "digit",          // contains a digit
      "priorKnown",     // in the headline table at all
      "priorChosen",    // log(1 + headlines listing it as a keyword)
      "priorKeyphraseness", // smoothed chosen-when-appearing share, 0 when unknown
      "priorNeverChosen",   // in the table but never a keyword
      "priorFirstChar",     // log keyphraseness ratio of phrases starting with the same character
      "priorLastChar",      // ... ending with the same character
      "domainKnown",        // the same four from the table of keyword-labelled texts
      "domainChosen",
      "domainKeyphraseness",
      "domainNeverChosen");

  /** Where the four features of the texts' table start. */
  public static final int DOMAIN = 32;
  /** Where the four features of the headline table start. */
  public static final int PRIOR = 26;

  public static final int COUNT = NAMES.size();

  private KeywordFeatures() {
  }

  /**
   * Fills {@code out} (length {@link #COUNT}) for one candidate.
   *
   * @param key       the candidate's lower-case analysis form
   * @param handScore the hand-weighted score (base x idf), > 0
   * @param handRank  the candidate's rank by that score (0 = best)
   * @param df        background document frequency (0 when unseen)
   * @param idf       background idf of the phrase, maxIdf its largest value
   * @param headlines the headline table (edge characters), or null
   * @param prior     the headline counts (chosen, appears, both) or null
   * @param domain    the keyword-labelled texts' counts or null
   */
  static void fill(String key, KeywordExtractor.Candidate c, double handScore, int handRank, int df, double idf,
      double maxIdf, KeyphrasenessPrior headlines, int[] prior, int[] domain, double[] out) {
    int len = key.length();
    boolean latin = false;
    boolean digit = false;
    for (int i = 0; i < len; i++) {
      char ch = key.charAt(i);
      latin |= ch >= 'a' && ch <= 'z';
      digit |= ch >= '0' && ch <= '9';
    }
    out[0] = Math.log(1e-3 + handScore);
    out[1] = Math.log1p(handRank);
    out[2] = Math.log1p(c.count);
    out[3] = Math.log1p(c.weight);
    out[4] = c.count == 0 ? 1.0 : c.firstPosition;
    out[5] = c.inTitle ? 1 : 0;
    out[6] = c.inTitle && c.count == 0 ? 1 : 0;
    out[7] = c.quoted ? 1 : 0;
    out[8] = c.org ? 1 : 0;
    out[9] = c.loose ? 1 : 0;
    out[10] = c.innerVerb ? 1 : 0;
    out[11] = c.count > 0 && c.clean == 0 ? 1 : 0;
    out[12] = c.count <= 1 ? 1 : 0;
    out[13] = c.words == 1 ? 1 : 0;
    out[14] = c.words >= 3 ? 1 : 0;
    out[15] = len <= 2 ? 1 : 0;
    out[16] = len == 3 ? 1 : 0;
    out[17] = len == 5 || len == 6 ? 1 : 0;
    out[18] = len >= 7 ? 1 : 0;
    out[19] = idf / maxIdf;
    out[20] = df == 0 ? 1 : 0;
    out[21] = PhraseCandidates.isVerb(c.firstPos) || PhraseCandidates.isVerb(c.lastPos) ? 1 : 0;
    out[22] = c.lastPos != null && c.lastPos.startsWith("n") ? 1 : 0;
    out[23] = c.words == 1 && "i".equals(c.firstPos) ? 1 : 0;
    out[24] = latin ? 1 : 0;
    out[25] = digit ? 1 : 0;
    table(prior, out, 26);
    if (headlines != null && len > 0) {
      headlines.edgeCharacters(key.charAt(0), key.charAt(len - 1), out, 30);
    } else {
      out[30] = 0;
      out[31] = 0;
    }
    table(domain, out, DOMAIN);
  }

  /** The four table features at {@code at}: known, log(1 + chosen), keyphraseness, never chosen. */
  public static void table(int[] counts, double[] out, int at) {
    out[at] = counts != null ? 1 : 0;
    out[at + 1] = counts != null ? Math.log1p(counts[0]) : 0;
    out[at + 2] = counts != null ? KeyphrasenessPrior.keyphraseness(counts) : 0;
    out[at + 3] = counts != null && counts[0] == 0 ? 1 : 0;
  }
}
