package io.articlepipeline.index.status;

import java.io.IOException;
import java.util.Optional;

/** Which revision of an article is searchable, from the index (Elasticsearch). */
@FunctionalInterface
public interface IndexedRevisions {

  /**
   * The searchable copy's revision and time, or empty if none.
   *
   * @throws IOException when Elasticsearch cannot be asked (also thrown as its client's exceptions)
   */
  Optional<ArticleStatus.Indexed> find(String id) throws IOException;
}
