package io.articlepipeline.index.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Reads a batch message of the Kafka binder (payload list plus per-record header lists) into
 * {@link IncomingRecord}s. A null value is a tombstone unless the ErrorHandlingDeserializer left its
 * exception header, which makes it an undecodable record carrying its original bytes.
 */
public final class KafkaBatchAdapter {

  private KafkaBatchAdapter() {
  }

  public static List<IncomingRecord> records(Message<? extends List<?>> message) {
    List<?> payloads = message.getPayload();
    MessageHeaders h = message.getHeaders();
    List<?> keys = list(h, KafkaHeaders.RECEIVED_KEY);
    List<?> topics = list(h, KafkaHeaders.RECEIVED_TOPIC);
    List<?> partitions = list(h, KafkaHeaders.RECEIVED_PARTITION);
    List<?> offsets = list(h, KafkaHeaders.OFFSET);
    List<?> timestamps = list(h, KafkaHeaders.RECEIVED_TIMESTAMP);
    List<?> converted = list(h, KafkaHeaders.BATCH_CONVERTED_HEADERS);
    List<?> natives = list(h, KafkaHeaders.NATIVE_HEADERS);

    List<IncomingRecord> records = new ArrayList<>(payloads.size());
    for (int i = 0; i < payloads.size(); i++) {
      Object key = at(keys, i);
      SourceRecord source = new SourceRecord(String.valueOf(at(topics, i)), number(at(partitions, i)).intValue(),
          number(at(offsets, i)).longValue(), key == null ? null : key.toString(),
          number(at(timestamps, i)).longValue());
      records.add(IncomingRecords.of(source, payloads.get(i), deserializationFailure(at(converted, i), at(natives, i))));
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

  private static List<?> list(MessageHeaders headers, String name) {
    Object value = headers.get(name);
    return value instanceof List<?> l ? l : List.of();
  }

  private static Object at(List<?> list, int i) {
    return i < list.size() ? list.get(i) : null;
  }

  private static Number number(Object o) {
    return o instanceof Number n ? n : -1;
  }
}
