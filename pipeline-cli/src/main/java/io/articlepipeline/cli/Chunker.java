package io.articlepipeline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups articles, in order, into batch requests of at most {@code maxArticles} articles and
 * {@code maxBytes} of NDJSON body. An article larger than {@code maxBytes} on its own still goes
 * out, alone: the service, whose limit is higher, is the one to say whether it is too large.
 */
final class Chunker {

  private final int maxArticles;
  private final long maxBytes;
  private List<Article> current = new ArrayList<>();
  private long bytes;

  Chunker(int maxArticles, long maxBytes) {
    this.maxArticles = maxArticles;
    this.maxBytes = maxBytes;
  }

  /**
   * Adds an article; answers the chunk it closed (the full one before it) or null. A chunk closes
   * only when the next article does not fit, so the last one comes from {@link #flush()}.
   */
  List<Article> add(Article article) {
    List<Article> closed = null;
    if (!current.isEmpty() && (current.size() >= maxArticles || bytes + article.ndjsonBytes() > maxBytes)) {
      closed = flush();
    }
    current.add(article);
    bytes += article.ndjsonBytes();
    return closed;
  }

  /** The chunk in progress, or null when empty. */
  List<Article> flush() {
    if (current.isEmpty()) {
      return null;
    }
    List<Article> out = current;
    current = new ArrayList<>();
    bytes = 0;
    return out;
  }
}
