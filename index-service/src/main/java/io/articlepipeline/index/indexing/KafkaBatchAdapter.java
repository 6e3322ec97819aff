package io.articlepipeline.index.indexing;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.BatchMessages;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.springframework.messaging.Message;

/**
 * Reads a batch message of the Kafka binder (raw values plus per-record headers) as
 * {@link IncomingRecord}s, decoding each value with the stage's {@link RecordDecoder} when it is
 * read: the indexer reads each record once, request by request, so the decoding of one request's
 * records overlaps the writing of the request before, and no decoded article outlives its request.
 */
public final class KafkaBatchAdapter {

  private KafkaBatchAdapter() {
  }

  /**
   * The batch's records, each decoded when read (again if read again); reading one throws
   * {@link RecordsUnreadableException} when the registry is unreachable.
   */
  public static List<IncomingRecord> records(Message<? extends List<?>> message, RecordDecoder<ArticleEnriched> decoder) {
    return new Decoded(BatchMessages.records(message), decoder);
  }

  /** The sources of the batch's first and last records, without decoding them (for logs). */
  public static SourceRecord[] bounds(Message<? extends List<?>> message) {
    List<BatchMessages.Consumed> consumed = BatchMessages.records(message);
    return consumed.isEmpty() ? new SourceRecord[0]
        : new SourceRecord[] {consumed.get(0).source(), consumed.get(consumed.size() - 1).source()};
  }

  private static final class Decoded extends AbstractList<IncomingRecord> implements RandomAccess {
    private final List<BatchMessages.Consumed> consumed;
    private final RecordDecoder<ArticleEnriched> decoder;

    Decoded(List<BatchMessages.Consumed> consumed, RecordDecoder<ArticleEnriched> decoder) {
      this.consumed = consumed;
      this.decoder = decoder;
    }

    @Override
    public IncomingRecord get(int index) {
      BatchMessages.Consumed c = consumed.get(index);
      byte[] value = c.payload() instanceof byte[] bytes ? bytes : null;
      return IncomingRecords.of(c.source(), value, decoder);
    }

    @Override
    public int size() {
      return consumed.size();
    }
  }
}
