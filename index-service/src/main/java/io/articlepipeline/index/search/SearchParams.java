package io.articlepipeline.index.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated search request.
 *
 * @param q          the query text as typed; empty means "everything, newest first"
 * @param orgs       organization names (any of them)
 * @param keywords   keywords (any of them)
 * @param sources    sources (any of them)
 * @param categories categories (any of them)
 * @param languages  languages (any of them)
 * @param stories    story keys (any of them): the copies of one story
 * @param from       first day included, or null
 * @param to         last day included, or null
 * @param sort       relevance or date
 * @param page       1-based page, ignored with a cursor
 * @param size       hits per page
 * @param cursor     search_after values from a previous page, or null
 * @param collapse   each story once (its copies counted, not listed); pages by number only
 */
public record SearchParams(String q, List<String> orgs, List<String> keywords, List<String> sources,
                           List<String> categories, List<String> languages, List<String> stories,
                           LocalDate from, LocalDate to, SearchSort sort, int page, int size, List<Object> cursor,
                           boolean collapse) {

  public SearchParams {
    q = q == null ? "" : q;
    orgs = List.copyOf(orgs);
    keywords = List.copyOf(keywords);
    sources = List.copyOf(sources);
    categories = List.copyOf(categories);
    languages = List.copyOf(languages);
    stories = List.copyOf(stories);
    cursor = cursor == null ? null : List.copyOf(cursor);
  }

  /** A plain query with defaults: relevance, first page of 10. */
  public static SearchParams query(String q) {
    return new SearchParams(q, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
        q == null || q.isBlank() ? SearchSort.DATE : SearchSort.RELEVANCE, 1, 10, null, false);
  }

  public boolean hasText() {
    return !q.isBlank();
  }
}
