package io.articlepipeline.index.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Copies of one story (the same page submitted under another id, a wire report republished) share
 * a headline: among similar articles a reader wants each story once and never a copy of the one
 * being read. Headlines are compared after NFKC, lower case and without spaces and punctuation;
 * hits without a headline are always kept.
 */
final class DistinctHits {

  private DistinctHits() {
  }

  /** At most {@code size} hits in their order, one per headline, none with {@code sourceTitle}'s headline. */
  static List<SearchResult.Hit> of(String sourceTitle, List<SearchResult.Hit> hits, int size) {
    Set<String> seen = new HashSet<>();
    String own = key(sourceTitle);
    if (own != null) {
      seen.add(own);
    }
    List<SearchResult.Hit> out = new ArrayList<>(Math.min(size, hits.size()));
    for (SearchResult.Hit hit : hits) {
      if (out.size() >= size) {
        break;
      }
      String k = key(hit.title());
      if (k == null || seen.add(k)) {
        out.add(hit);
      }
    }
    return out;
  }

  static String key(String title) {
    if (title == null) {
      return null;
    }
    String k = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\p{P}\\p{S}]+", "");
    return k.isEmpty() ? null : k;
  }
}
