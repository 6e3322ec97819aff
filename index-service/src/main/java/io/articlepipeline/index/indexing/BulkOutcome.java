package io.articlepipeline.index.indexing;

/** How one item of a bulk response is treated (failures sorted by kind: each kind has its own remedy). */
public enum BulkOutcome {
  /** Written (or, for a delete, already gone). */
  DONE,
  /** A version conflict on an external version: older data replayed, newer content kept. */
  STALE,
  /** The document itself is wrong: dead letter (or fail, by policy); retrying cannot help. */
  MALFORMED,
  /** Anything else (overload, unavailable shards, ...): retried, then the batch fails. */
  RETRIABLE;

  /** Error types Elasticsearch gives for a document that can never be indexed as it is. */
  private static final java.util.Set<String> MALFORMED_TYPES = java.util.Set.of(
      "mapper_parsing_exception", "document_parsing_exception", "strict_dynamic_mapping_exception",
      "illegal_argument_exception", "parse_exception", "json_parse_exception",
      "x_content_parse_exception", "mapper_exception", "document_source_missing_exception");

  /**
   * Classifies a bulk item by its HTTP status and error type.
   *
   * @param delete whether the item was a delete (a 404 then means already gone)
   */
  public static BulkOutcome classify(boolean delete, int status, String errorType) {
    if (status >= 200 && status < 300) {
      return DONE;
    }
    if (status == 404 && delete) {
      return DONE;
    }
    if (status == 409 && "version_conflict_engine_exception".equals(errorType)) {
      return STALE;
    }
    if (status == 400 && errorType != null && MALFORMED_TYPES.contains(errorType)) {
      return MALFORMED;
    }
    return RETRIABLE;
  }
}
