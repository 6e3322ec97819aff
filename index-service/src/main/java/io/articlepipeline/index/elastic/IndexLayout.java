package io.articlepipeline.index.elastic;

import java.util.Objects;

/**
 * Names of the index layout: versioned indices ({@code articles-v1}, {@code articles-v2}, ...)
 * created from one template, a read alias on exactly one version and a write alias whose
 * {@code is_write_index} version receives the indexer's bulk requests; how many shards and
 * replicas a version has and how often it makes new documents searchable.
 */
public record IndexLayout(String readAlias, String writeAlias, String indexPrefix, String templateName,
                          int shards, int replicas, String refreshInterval) {

  public IndexLayout {
    Objects.requireNonNull(readAlias);
    Objects.requireNonNull(writeAlias);
    Objects.requireNonNull(indexPrefix);
    Objects.requireNonNull(templateName);
  }

  /** The index of a version: {@code articles-v3} for 3. */
  public String indexName(int version) {
    return indexPrefix + version;
  }

  /** The version of an index name of this layout, or -1 if the name is not one. */
  public int versionOf(String indexName) {
    if (indexName == null || !indexName.startsWith(indexPrefix)) {
      return -1;
    }
    try {
      return Integer.parseInt(indexName.substring(indexPrefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
