package io.articlepipeline.index.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies of one story (the same page submitted under another id, a wire report republished) share
 * a headline: among similar articles a reader wants each story once and never a copy of the one
 * being read. Headlines are compared after NFKC, lower case and without spaces and punctuation;
 * hits without a headline are always kept. A headline cut short (a page without one gets its
 * opening words, cut at different lengths by different submitters: 今年以来,…固城街道…建设,…)
 * is the same story as the longer one it begins: a key that starts another of at least
 * {@link #MIN_PREFIX} characters counts as the same.
 */
final class DistinctHits {

  private DistinctHits() {
  }

  /** At most {@code size} hits in their order, one per headline, none with {@code sourceTitle}'s headline. */
  static List<SearchResult.Hit> of(String sourceTitle, List<SearchResult.Hit> hits, int size) {
    List<String> seen = new ArrayList<>();
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
      if (k == null) {
        out.add(hit);
      } else if (!sameStoryAsAny(k, seen)) {
        seen.add(k);
        out.add(hit);
      }
    }
    return out;
  }

  /** Shortest cut headline taken for the story it begins (shorter ones are ordinary headlines). */
  static final int MIN_PREFIX = 12;

  private static boolean sameStoryAsAny(String k, List<String> seen) {
    for (String s : seen) {
      if (s.equals(k) || Math.min(s.length(), k.length()) >= MIN_PREFIX && (s.startsWith(k) || k.startsWith(s))) {
        return true;
      }
    }
    return false;
  }

  static String key(String title) {
    return StoryKeys.headline(title);
  }
}
