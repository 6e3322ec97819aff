package io.articlepipeline.index.search;

/** Order of search hits. */
public enum SearchSort {
  /** Best match first; ties newest first. */
  RELEVANCE,
  /** Newest first (published date, else submission date). */
  DATE
}
