package io.articlepipeline.index.indexing;

import io.articlepipeline.support.deadletter.SourceRecord;

import io.articlepipeline.schemas.avro.ArticleEnriched;

/** One record of a consumed batch, already sorted into what the indexer does with it. */
public sealed interface IncomingRecord {

  SourceRecord source();

  /** An enriched article to index, with the bytes it was read as (for its dead letter, if it comes to that). */
  record Article(SourceRecord source, ArticleEnriched article, byte[] originalValue) implements IncomingRecord {

    public Article(SourceRecord source, ArticleEnriched article) {
      this(source, article, null);
    }
  }

  /** A null value: the article was retracted and its document is deleted. */
  record Tombstone(SourceRecord source) implements IncomingRecord {
  }

  /** A value that could not be deserialised: its original bytes go to the dead-letter topic. */
  record Undecodable(SourceRecord source, byte[] originalValue, String exceptionClass, String message)
      implements IncomingRecord {
  }
}
