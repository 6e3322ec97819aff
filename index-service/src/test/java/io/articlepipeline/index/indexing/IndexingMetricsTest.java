package io.articlepipeline.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The index stage's meters carry the names and tags the other stages use. */
class IndexingMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IndexingMetrics metrics = new IndexingMetrics(registry);

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void recordsInOutAndFailedAreCountedUnderStageIndex() {
    metrics.batchReceived(5);
    metrics.batchIndexed(new BatchReport(2, 1, 1, 1, 1));

    assertThat(count("pipeline.records.in", "stage", "index")).isEqualTo(5);
    assertThat(count("pipeline.records.out", "stage", "index", "kind", "article")).isEqualTo(2);
    assertThat(count("pipeline.records.out", "stage", "index", "kind", "tombstone")).isEqualTo(1);
    assertThat(count("pipeline.records.failed", "stage", "index", "reason", "dead-lettered")).isEqualTo(1);
  }

  @Test
  void theDocumentOutcomesKeepTheirOwnCounters() {
    metrics.batchIndexed(new BatchReport(2, 1, 3, 1, 1));

    assertThat(count("pipeline.index.documents", "outcome", "indexed")).isEqualTo(2);
    assertThat(count("pipeline.index.documents", "outcome", "deleted")).isEqualTo(1);
    assertThat(count("pipeline.index.documents", "outcome", "stale")).isEqualTo(3);
    assertThat(count("pipeline.index.documents", "outcome", "dead-lettered")).isEqualTo(1);
  }

  @Test
  void aFailedBatchCountsEachOfItsRecordsAsFailedAndTheBatchOnce() {
    metrics.batchFailed(4);

    assertThat(count("pipeline.records.failed", "stage", "index", "reason", "batch-failed")).isEqualTo(4);
    assertThat(registry.get("pipeline.index.batches.failed").counter().count()).isEqualTo(1);
  }

  @Test
  void bulkSizesAndDurationsAndEndToEndLatenciesAreRecorded() {
    metrics.bulkSent(40, Duration.ofMillis(120));
    metrics.bulkSent(10, Duration.ofMillis(80));
    metrics.articleWritten(Duration.ofSeconds(2));

    assertThat(registry.get("pipeline.index.bulk.size").summary().count()).isEqualTo(2);
    assertThat(registry.get("pipeline.index.bulk.size").summary().totalAmount()).isEqualTo(50);
    assertThat(registry.get("pipeline.index.bulk.duration").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200);
    assertThat(registry.get("pipeline.end_to_end.latency").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(2);
  }
}
