package io.articlepipeline.index.search;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/search}.
 *
 * @param total      all matching articles
 * @param took       milliseconds Elasticsearch spent
 * @param page       the page (1 when paging by cursor)
 * @param size       hits per page
 * @param sort       relevance or date
 * @param hits       this page
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param facets     counts per organization, keyword, source, category, language and month
 * @param collapsed  each story shown once (asked with collapse=true, and every article has its story key)
 * @param stories    distinct stories among the matches when collapsed (exact up to 40,000), else null
 */
public record SearchResult(long total, long took, int page, int size, String sort, List<Hit> hits,
                           String nextCursor, Map<String, List<FacetCount>> facets, boolean collapsed,
                           Long stories) {

  /**
   * One hit. {@code snippet} and {@code titleHtml} are escaped HTML with {@code <mark>} around
   * matched words; every other string is plain text the page must escape. {@code story} is the
   * key of its story ({@code story=} lists its copies); {@code copies}, in collapsed results, how
   * many other matching articles tell the same story (null otherwise).
   */
  public record Hit(String id, String title, String titleHtml, String snippet, List<String> keywords,
                    List<OrgRef> organizations, String source, String category, String language,
                    String url, String publishedAt, Double score, String story, Integer copies) {

    Hit withCopies(Integer n) {
      return new Hit(id, title, titleHtml, snippet, keywords, organizations, source, category, language, url,
          publishedAt, score, story, n);
    }
  }

  /** An organization of a hit. */
  public record OrgRef(String name, String type) {
  }

  /** A facet value and its number of matching articles. */
  public record FacetCount(String value, long count) {
  }
}
