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

  /** True when this span shares a character with any of {@code spans}. */
  public boolean overlapsAny(java.util.List<OrgSpan> spans) {
    for (OrgSpan t : spans) {
      if (start < t.end && t.start < end) {
        return true;
      }
    }
    return false;
  }
}
