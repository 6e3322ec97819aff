package io.articlepipeline.support.kafka;

import io.articlepipeline.support.deadletter.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The records of a batch message as the Kafka binder delivers it in batch mode (a payload list
 * and one header list per attribute), each with where it came from: what every batch stage reads
 * first, whatever it then does with the payloads.
 */
public final class BatchMessages {

  /** One record of a batch: where it was read, its payload, and its headers as the binder left them. */
  public record Consumed(SourceRecord source, Object payload, Object convertedHeaders, Object nativeHeaders) {
  }

  private BatchMessages() {
  }

  public static List<Consumed> records(Message<? extends List<?>> message) {
    List<?> payloads = message.getPayload();
    MessageHeaders h = message.getHeaders();
    List<?> keys = list(h, KafkaHeaders.RECEIVED_KEY);
    List<?> topics = list(h, KafkaHeaders.RECEIVED_TOPIC);
    List<?> partitions = list(h, KafkaHeaders.RECEIVED_PARTITION);
    List<?> offsets = list(h, KafkaHeaders.OFFSET);
    List<?> timestamps = list(h, KafkaHeaders.RECEIVED_TIMESTAMP);
    List<?> converted = list(h, KafkaHeaders.BATCH_CONVERTED_HEADERS);
    List<?> natives = list(h, KafkaHeaders.NATIVE_HEADERS);
    Object topic = h.get(KafkaHeaders.RECEIVED_TOPIC) instanceof String single ? single : null;

    List<Consumed> records = new ArrayList<>(payloads.size());
    for (int i = 0; i < payloads.size(); i++) {
      Object key = at(keys, i);
      Object t = topic != null ? topic : at(topics, i);
      SourceRecord source = new SourceRecord(String.valueOf(t), number(at(partitions, i)).intValue(),
          number(at(offsets, i)).longValue(), key == null ? null : key.toString(),
          number(at(timestamps, i)).longValue());
      records.add(new Consumed(source, payloads.get(i), at(converted, i), at(natives, i)));
    }
    return records;
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
