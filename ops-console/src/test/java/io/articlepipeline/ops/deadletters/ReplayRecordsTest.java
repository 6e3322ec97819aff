package io.articlepipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ReplayRecordsTest {

  private final ReplayRecords replays = new ReplayRecords(Set.of("articles.submitted", "articles.enriched"));

  @Test
  void replayCarriesTheOriginalKeyAndBytesToTheOriginalTopic() {
    byte[] value = {0, 0, 0, 0, 7, 42, 1};
    ProducerRecord<byte[], byte[]> replay = replays.replayOf(
        record("articles.enriched.dlq", failureHeaders("articles.enriched"), "a-9", value));

    assertThat(replay.topic()).isEqualTo("articles.enriched");
    assertThat(replay.key()).isEqualTo(utf8("a-9"));
    assertThat(replay.value()).isEqualTo(value);
    assertThat(replay.partition()).isNull();
  }

  @Test
  void replayDropsFailureHeadersKeepsOthersAndCountsTheReplay() {
    RecordHeaders headers = failureHeaders("articles.submitted");
    headers.add("traceparent", utf8("00-abc-def-01"));
    headers.add(DeadLetterHeaders.REPLAY_COUNT, utf8("1"));

    ProducerRecord<byte[], byte[]> replay = replays.replayOf(
        record("articles.submitted.dlq", headers, "a-1", new byte[] {1}));

    assertThat(replay.headers().lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE)).isNull();
    assertThat(replay.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC)).isNull();
    assertThat(replay.headers().lastHeader("traceparent")).isNotNull();
    assertThat(replay.headers().headers(DeadLetterHeaders.REPLAY_COUNT)).hasSize(1);
    assertThat(text(replay, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("2");
    assertThat(text(replay, ReplayRecords.REPLAYED_FROM)).isEqualTo("articles.submitted.dlq/0/7");
  }

  @Test
  void withoutTheTopicHeaderTheSourceComesFromTheDeadLetterTopicName() {
    ProducerRecord<byte[], byte[]> replay = replays.replayOf(
        record("articles.submitted.dlq", new RecordHeaders(), "a-1", new byte[] {1}));

    assertThat(replay.topic()).isEqualTo("articles.submitted");
    assertThat(text(replay, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("1");
  }

  @Test
  void refusesToReplayIntoATopicOutsideThePipeline() {
    assertThatThrownBy(() -> replays.replayOf(
        record("articles.submitted.dlq", failureHeaders("__consumer_offsets"), "a-1", new byte[0])))
        .isInstanceOf(ReplayRecords.ReplayRefusedException.class)
        .hasMessageContaining("__consumer_offsets");
  }

  @Test
  void tombstoneStaysATombstone() {
    ProducerRecord<byte[], byte[]> replay = replays.replayOf(
        record("articles.enriched.dlq", failureHeaders("articles.enriched"), "a-3", null));

    assertThat(replay.value()).isNull();
  }

  private static RecordHeaders failureHeaders(String originalTopic) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.STAGE, utf8("enrich"));
    headers.add(DeadLetterHeaders.EXCEPTION_FQCN, utf8("org.apache.kafka.common.errors.SerializationException"));
    headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("Unknown magic byte!"));
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(originalTopic));
    return headers;
  }

  private static String text(ProducerRecord<byte[], byte[]> record, String header) {
    return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
  }

  static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers, String key, byte[] value) {
    return new ConsumerRecord<>(topic, 0, 7, 1_700_000_100_000L, TimestampType.CREATE_TIME, -1, -1,
        key == null ? null : utf8(key), value, headers, Optional.empty());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
