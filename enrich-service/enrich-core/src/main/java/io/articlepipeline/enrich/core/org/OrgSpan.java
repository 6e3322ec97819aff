package io.articlepipeline.enrich.core.org;

/**
 * An organization found in the analysis text.
 *
 * @param start      offset in the analysis text
 * @param end        end offset (exclusive)
 * @param confidence 0..1
 * @param source     what found it (model, gazetteer, rule), for diagnostics
 */
public record OrgSpan(int start, int end, double confidence, String source) {

  public int length() {
    return end - start;
  }
}
