package io.articlepipeline.index.indexing;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.SchemaRegistryException;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sorts a consumed value into an {@link IncomingRecord}: the stage reads raw bytes and decodes
 * them with the {@link RecordDecoder} the enrich stage uses too. An article, a tombstone (null
 * value), or an undecodable record that keeps its exact bytes for the dead letter; the registry
 * being unreachable is an outage, not a bad record: the batch fails and is read again.
 */
public final class IncomingRecords {

  private IncomingRecords() {
  }

  /** A plain Kafka record (the reindexer's own consumer). */
  public static IncomingRecord of(ConsumerRecord<String, byte[]> record, RecordDecoder<ArticleEnriched> decoder) {
    SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(),
        record.timestamp());
    return of(source, record.value(), decoder);
  }

  static IncomingRecord of(SourceRecord source, byte[] value, RecordDecoder<ArticleEnriched> decoder) {
    ArticleEnriched article;
    try {
      article = decoder.decode(source.topic(), value);
    } catch (SerializationException e) {
      if (SchemaRegistryException.registryUnreachable(e)) {
        // not a bad record: the batch fails uncommitted and is read again once the registry answers
        throw new RecordsUnreadableException("Cannot read " + source + ": the schema registry is unreachable; "
            + "the batch is retried: " + e.getMessage(), e);
      }
      // named as the enrich stage names its undecodable records: the deserializer's exception
      return new IncomingRecord.Undecodable(source, value, e.getClass().getName(), String.valueOf(e.getMessage()));
    }
    return article == null ? new IncomingRecord.Tombstone(source) : new IncomingRecord.Article(source, article, value);
  }
}
