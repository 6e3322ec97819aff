package io.articlepipeline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens an article is indexed under and a query is matched with: the analysis text
 * (Traditional -> Simplified, full-width -> ASCII, pinyin residue and copy-protection noise
 * removed), segmented by HanLP, punctuation dropped, lower-cased. The enrich stage writes them for
 * every article and the search service computes them for {@code q}, with this same code, so the
 * two always agree. Thread-safe.
 */
public final class IndexTokens {

  private final Segmenter segmenter;

  public IndexTokens(Segmenter segmenter) {
    this.segmenter = segmenter;
  }

  /** With the enrich stage's segmentation ({@link Segmenter#plain()}). */
  public static IndexTokens plain() {
    return new IndexTokens(Segmenter.plain());
  }

  /** The index tokens of a text (a query, a title); empty for null or empty text. */
  public List<String> of(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return of(segmenter.segment(AnalysisText.of(text).text()), null);
  }

  /**
   * The index tokens of segmented analysis text.
   *
   * @param content per analysis-text offset, whether it belongs to the page's content (navigation
   *                and footers are not indexed); null for all of it
   */
  public static List<String> of(List<Token> tokens, boolean[] content) {
    List<String> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      if (t.isPunctuation() || content != null && !content[t.start()]) {
        continue;
      }
      out.add(CharNormalizer.normalizeLower(t.word()));
    }
    return out;
  }
}
