package io.articlepipeline.ops.deadletters;

import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.support.deadletter.DeadLetterReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the record a replay sends back: the dead letter's original key and value bytes, to its
 * original topic, with the headers the source record carried, without the failure headers, and
 * with the replay count raised by one. No I/O.
 */
public final class ReplayRecords {

  /** Points back at the dead letter a replayed record came from: {@code topic/partition/offset}. */
  public static final String REPLAYED_FROM = "x-pipeline-replayed-from";

  /** Headers describing the failure; a replayed record is a fresh attempt and leaves them behind. */
  static final Set<String> FAILURE_HEADERS = Set.of(
      DeadLetterHeaders.STAGE, DeadLetterHeaders.EXCEPTION_FQCN,
      DeadLetterHeaders.EXCEPTION_MESSAGE, DeadLetterHeaders.EXCEPTION_STACKTRACE,
      DeadLetterHeaders.ORIGINAL_TOPIC, DeadLetterHeaders.ORIGINAL_PARTITION,
      DeadLetterHeaders.ORIGINAL_OFFSET, DeadLetterHeaders.ORIGINAL_TIMESTAMP,
      "x-original-timestamp-type", "x-original-consumer-group",
      DeadLetterHeaders.REPLAY_COUNT, REPLAYED_FROM);

  private final Set<String> allowedTargets;

  /** @param allowedTargets topics a replay may write to (the pipeline's source topics) */
  public ReplayRecords(Set<String> allowedTargets) {
    this.allowedTargets = Set.copyOf(allowedTargets);
  }

  /**
   * The record to produce for a dead letter.
   *
   * @throws ReplayRefusedException when the original topic is unknown or not a replay target
   */
  public ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> deadLetter) {
    String target = DeadLetterReader.string(deadLetter.headers(), DeadLetterHeaders.ORIGINAL_TOPIC);
    if (target == null) {
      target = DeadLetterReader.sourceTopicOf(deadLetter.topic());
    }
    if (target == null) {
      throw new ReplayRefusedException("no " + DeadLetterHeaders.ORIGINAL_TOPIC
          + " header and " + deadLetter.topic() + " is not named <topic>.dlq");
    }
    if (!allowedTargets.contains(target)) {
      throw new ReplayRefusedException("original topic " + target
          + " is not a replay target (pipeline.ops.topics without *.dlq)");
    }
    RecordHeaders headers = new RecordHeaders();
    for (Header header : deadLetter.headers()) {
      if (!FAILURE_HEADERS.contains(header.key())) {
        headers.add(header);
      }
    }
    int count = DeadLetterReader.replayCount(deadLetter.headers()) + 1;
    headers.add(DeadLetterHeaders.REPLAY_COUNT, utf8(Integer.toString(count)));
    headers.add(REPLAYED_FROM, utf8(deadLetter.topic() + "/" + deadLetter.partition() + "/"
        + deadLetter.offset()));
    // Partition left to the partitioner: the key decides, as it did for the original.
    return new ProducerRecord<>(target, null, null, deadLetter.key(), deadLetter.value(), headers);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A dead letter that cannot be replayed, with the reason. */
  public static class ReplayRefusedException extends RuntimeException {
    public ReplayRefusedException(String message) {
      super(message);
    }
  }
}
