package io.articlepipeline.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.topics.ClusterOffsets.GroupOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.PartitionOffsets;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.LagBasis;
import io.articlepipeline.ops.topics.TopicsView.PartitionLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LagCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final LagCalculator calculator = new LagCalculator(
      List.of("articles.submitted", "articles.enriched"),
      Map.of("enrich", "articles.submitted", "index", "articles.enriched"));

  @Test
  void lagIsEndOffsetMinusCommittedOffset() {
    PartitionLag lag = LagCalculator.partitionLag(new PartitionOffsets(0, 0, 10), 7L);

    assertThat(lag.lag()).isEqualTo(3);
    assertThat(lag.committedOffset()).isEqualTo(7L);
    assertThat(lag.basis()).isEqualTo(LagBasis.COMMITTED);
  }

  @Test
  void partitionWithoutCommitLagsByEveryRetainedRecord() {
    PartitionLag lag = LagCalculator.partitionLag(new PartitionOffsets(0, 4, 10), null);

    assertThat(lag.lag()).isEqualTo(6);
    assertThat(lag.committedOffset()).isNull();
    assertThat(lag.basis()).isEqualTo(LagBasis.NO_COMMITTED_OFFSET);
  }

  @Test
  void commitBeforeLogStartCountsOnlyRetainedRecords() {
    PartitionLag lag = LagCalculator.partitionLag(new PartitionOffsets(0, 50, 80), 10L);

    assertThat(lag.lag()).isEqualTo(30);
    assertThat(lag.basis()).isEqualTo(LagBasis.COMMITTED_BEFORE_LOG_START);
  }

  @Test
  void commitPastTheEndIsNoLag() {
    assertThat(LagCalculator.partitionLag(new PartitionOffsets(0, 0, 5), 9L).lag()).isZero();
  }

  @Test
  void groupTotalIsTheSumOfItsPartitions() {
    GroupOffsets enrich = group("enrich", Map.of("articles.submitted", Map.of(0, 8L, 1, 2L)));
    GroupLag lag = LagCalculator.groupLag(enrich, "articles.submitted", List.of(
        new PartitionOffsets(0, 0, 10), new PartitionOffsets(1, 0, 5),
        new PartitionOffsets(2, 0, 4)));

    assertThat(lag.partitions()).extracting(PartitionLag::lag).containsExactly(2L, 3L, 4L);
    assertThat(lag.totalLag()).isEqualTo(9);
  }

  @Test
  void missingTopicIsReportedAsNotExisting() {
    ClusterOffsets offsets = new ClusterOffsets(NOW, Map.of(), List.of());

    TopicView topic = calculator.view(offsets, t -> null).topics().get(0);

    assertThat(topic.topic()).isEqualTo("articles.submitted");
    assertThat(topic.exists()).isFalse();
    assertThat(topic.partitions()).isEmpty();
    assertThat(topic.groups()).extracting(GroupLag::group).containsExactly("enrich");
    assertThat(topic.groups().get(0).state()).isEqualTo(LagCalculator.NOT_FOUND);
  }

  @Test
  void expectedGroupThatNeverCommittedLagsByEverything() {
    ClusterOffsets offsets = new ClusterOffsets(NOW,
        Map.of("articles.submitted", List.of(new PartitionOffsets(0, 0, 12))), List.of());

    GroupLag enrich = calculator.view(offsets, t -> null).topics().get(0).groups().get(0);

    assertThat(enrich.totalLag()).isEqualTo(12);
    assertThat(enrich.partitions().get(0).basis()).isEqualTo(LagBasis.NO_COMMITTED_OFFSET);
  }

  @Test
  void otherGroupsReadingATopicAreReportedAfterTheExpectedOnes() {
    ClusterOffsets offsets = new ClusterOffsets(NOW,
        Map.of("articles.enriched", List.of(new PartitionOffsets(0, 0, 10))),
        List.of(group("audit", Map.of("articles.enriched", Map.of(0, 10L))),
            group("index", Map.of("articles.enriched", Map.of(0, 4L))),
            group("unrelated", Map.of("other.topic", Map.of(0, 1L)))));

    TopicView enriched = calculator.view(offsets, t -> null).topics().get(1);

    assertThat(enriched.groups()).extracting(GroupLag::group).containsExactly("index", "audit");
    assertThat(enriched.groups()).extracting(GroupLag::totalLag).containsExactly(6L, 0L);
  }

  @Test
  void topicTotalsAndRateAreReported() {
    ClusterOffsets offsets = new ClusterOffsets(NOW, Map.of("articles.submitted",
        List.of(new PartitionOffsets(1, 5, 20), new PartitionOffsets(0, 0, 10))), List.of());

    TopicView topic = calculator.view(offsets, t -> 2.5).topics().get(0);

    assertThat(topic.partitions()).extracting(TopicsView.PartitionView::partition)
        .containsExactly(0, 1);
    assertThat(topic.endOffsetTotal()).isEqualTo(30);
    assertThat(topic.retainedRecords()).isEqualTo(25);
    assertThat(topic.messagesPerSecond()).isEqualTo(2.5);
  }

  private static GroupOffsets group(String id, Map<String, Map<Integer, Long>> committed) {
    return new GroupOffsets(id, "STABLE", 1, committed, Set.of());
  }
}
