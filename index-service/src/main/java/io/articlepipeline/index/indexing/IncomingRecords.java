package io.articlepipeline.index.indexing;

import io.articlepipeline.support.deadletter.SourceRecord;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Sorts a consumed value into an {@link IncomingRecord}: an article, a tombstone (null value), or
 * an undecodable record (the ErrorHandlingDeserializer's exception header carries its bytes).
 */
public final class IncomingRecords {

  private static final LogAccessor LOG = new LogAccessor(IncomingRecords.class);

  private IncomingRecords() {
  }

  /** A plain Kafka record (the reindexer's own consumer). */
  public static IncomingRecord of(ConsumerRecord<String, Object> record) {
    SourceRecord source = new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(),
        record.timestamp());
    return of(source, record.value(), deserializationFailure(record.headers()));
  }

  static IncomingRecord of(SourceRecord source, Object value, DeserializationException failure) {
    if (value instanceof ArticleEnriched article) {
      return new IncomingRecord.Article(source, article);
    }
    if (failure != null) {
      if (SchemaRegistryException.registryUnreachable(failure)) {
        // not a bad record: the batch fails uncommitted and is read again once the registry answers
        throw new IndexingFailedException("Cannot read " + source + ": the schema registry is unreachable; "
            + "the batch is retried: " + failure.getMessage(), failure);
      }
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return new IncomingRecord.Undecodable(source, failure.getData(), cause.getClass().getName(),
          String.valueOf(cause.getMessage()));
    }
    if (value == null || value instanceof KafkaNull) {
      return new IncomingRecord.Tombstone(source);
    }
    return new IncomingRecord.Undecodable(source, null, IllegalArgumentException.class.getName(),
        "value is a " + value.getClass().getName() + ", not an ArticleEnriched (is specific.avro.reader=true?)");
  }

  static DeserializationException deserializationFailure(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
    return header == null ? null : fromHeader(header);
  }

  static DeserializationException fromHeader(Header header) {
    return SerializationUtils.byteArrayToDeserializationException(LOG, header);
  }
}
