package io.articlepipeline.index.indexing;

import io.articlepipeline.support.kafka.BatchMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.Message;

/**
 * Reads a batch message of the Kafka binder (payload list plus per-record header lists) into
 * {@link IncomingRecord}s. A null value is a tombstone unless the ErrorHandlingDeserializer left its
 * exception header, which makes it an undecodable record carrying its original bytes.
 */
public final class KafkaBatchAdapter {

  private KafkaBatchAdapter() {
  }

  public static List<IncomingRecord> records(Message<? extends List<?>> message) {
    List<IncomingRecord> records = new ArrayList<>(message.getPayload().size());
    for (BatchMessages.Consumed c : BatchMessages.records(message)) {
      records.add(IncomingRecords.of(c.source(), c.payload(), deserializationFailure(c.convertedHeaders(),
          c.nativeHeaders())));
    }
    return records;
  }

  private static DeserializationException deserializationFailure(Object convertedHeaders, Object nativeHeaders) {
    Header header = null;
    if (nativeHeaders instanceof Headers kafkaHeaders) {
      header = kafkaHeaders.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
    }
    if (header == null && convertedHeaders instanceof Map<?, ?> map) {
      Object raw = map.get(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
      if (raw instanceof Header hdr) {
        header = hdr;
      } else if (raw instanceof byte[] bytes) {
        header = new RecordHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, bytes);
      } else if (raw instanceof DeserializationException e) {
        return e;
      }
    }
    return header == null ? null : IncomingRecords.fromHeader(header);
  }
}
