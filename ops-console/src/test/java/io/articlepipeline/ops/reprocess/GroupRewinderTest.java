package io.articlepipeline.ops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupRewinderTest {

  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final TopicPartition P2 = new TopicPartition("t", 2);

  @Test
  void aRewindGoesToTheRequestedOffsetButNeverPastWhatTheGroupHasNotRead() {
    Map<TopicPartition, Long> from = Map.of(P0, 50L, P1, -1L, P2, 30L);
    Map<TopicPartition, Long> end = Map.of(P0, 100L, P1, 80L, P2, 90L);
    Map<TopicPartition, Long> earliest = Map.of(P0, 0L, P1, 0L, P2, 5L);
    // P0 read to its end: back to 50; P1 has no record that recent and the group is at 60: stays
    // there, not at the end; P2 never committed: from the log start, not 30
    Map<TopicPartition, Long> committed = Map.of(P0, 100L, P1, 60L);
    assertThat(GroupRewinder.targets(from, end, earliest, committed))
        .isEqualTo(Map.of(P0, 50L, P1, 60L, P2, 5L));
  }

  @Test
  void withNoRecordThatRecentAGroupThatReadEverythingStaysAtTheEnd() {
    assertThat(GroupRewinder.targets(Map.of(P0, -1L), Map.of(P0, 100L), Map.of(P0, 0L), Map.of(P0, 100L)))
        .isEqualTo(Map.of(P0, 100L));
  }
}
