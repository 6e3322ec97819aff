package io.articlepipeline.index.indexing;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.support.kafka.BatchMessages;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.messaging.Message;

/**
 * Reads a batch message of the Kafka binder (raw values plus per-record headers) into
 * {@link IncomingRecord}s, decoding each value with the stage's {@link RecordDecoder}.
 */
public final class KafkaBatchAdapter {

  private KafkaBatchAdapter() {
  }

  public static List<IncomingRecord> records(Message<? extends List<?>> message, RecordDecoder<ArticleEnriched> decoder) {
    List<IncomingRecord> records = new ArrayList<>(message.getPayload().size());
    for (BatchMessages.Consumed c : BatchMessages.records(message)) {
      byte[] value = c.payload() instanceof byte[] bytes ? bytes : null;
      records.add(IncomingRecords.of(c.source(), value, decoder));
    }
    return records;
  }
}
