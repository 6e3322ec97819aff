package io.articlepipeline.index.indexing;

/**
 * What the indexer does with a record it cannot turn into a document, or whose document
 * Elasticsearch rejects as malformed (setting {@code pipeline.index.behavior-on-malformed-documents}).
 */
public enum MalformedDocumentPolicy {
  /** Send the record to the dead-letter topic with the reason and keep going (default). */
  DEAD_LETTER,
  /** Fail the batch: nothing after it is indexed until the record is fixed or the policy changed. */
  FAIL
}
