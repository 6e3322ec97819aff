package io.articlepipeline.index.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The index stage's metrics, named like the other stages': {@code pipeline.records.in/out/failed}
 * with {@code stage=index}, plus its bulk sizes and latencies, the end-to-end latency from
 * submission to searchable, and the per-outcome document counts. Micrometer only, no Spring.
 *
 * <p>A record counts {@code in} each time it is delivered (a failed batch is delivered again);
 * {@code out} once written ({@code kind=article}) or deleted ({@code kind=tombstone}); a stale
 * replay is neither out nor failed ({@code pipeline.index.documents{outcome=stale}}).
 */
public class IndexingMetrics implements IndexingListener {

  static final String STAGE = "index";

  private final Counter in;
  private final Counter outArticles;
  private final Counter outTombstones;
  private final Counter failedDeadLettered;
  private final Counter failedBatch;
  private final Counter indexed;
  private final Counter deleted;
  private final Counter stale;
  private final Counter deadLettered;
  private final Counter batchesFailed;
  private final DistributionSummary bulkSize;
  private final Timer bulkDuration;
  private final Timer endToEnd;

  public IndexingMetrics(MeterRegistry meters) {
    in = meters.counter("pipeline.records.in", "stage", STAGE);
    outArticles = meters.counter("pipeline.records.out", "stage", STAGE, "kind", "article");
    outTombstones = meters.counter("pipeline.records.out", "stage", STAGE, "kind", "tombstone");
    failedDeadLettered = meters.counter("pipeline.records.failed", "stage", STAGE, "reason", "dead-lettered");
    failedBatch = meters.counter("pipeline.records.failed", "stage", STAGE, "reason", "batch-failed");
    indexed = meters.counter("pipeline.index.documents", "outcome", "indexed");
    deleted = meters.counter("pipeline.index.documents", "outcome", "deleted");
    stale = meters.counter("pipeline.index.documents", "outcome", "stale");
    deadLettered = meters.counter("pipeline.index.documents", "outcome", "dead-lettered");
    batchesFailed = meters.counter("pipeline.index.batches.failed");
    bulkSize = DistributionSummary.builder("pipeline.index.bulk.size")
        .description("Actions per bulk request (retries included)").publishPercentileHistogram().register(meters);
    bulkDuration = Timer.builder("pipeline.index.bulk.duration")
        .description("Time from sending a bulk request to its answer").publishPercentileHistogram().register(meters);
    endToEnd = Timer.builder("pipeline.end_to_end.latency")
        .description("From an article's submittedAt to the bulk that wrote it succeeding")
        // A backlog or a replayed dead letter takes minutes, not the default histogram's 30 s at most.
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofHours(1)).register(meters);
  }

  /** A batch was delivered to the stage. */
  public void batchReceived(int records) {
    in.increment(records);
  }

  /** A batch was indexed. */
  public void batchIndexed(BatchReport report) {
    outArticles.increment(report.indexed());
    outTombstones.increment(report.deleted());
    failedDeadLettered.increment(report.deadLettered());
    indexed.increment(report.indexed());
    deleted.increment(report.deleted());
    stale.increment(report.stale());
    deadLettered.increment(report.deadLettered());
  }

  /** A batch failed: none of its records is committed, all will be delivered again. */
  public void batchFailed(int records) {
    failedBatch.increment(records);
    batchesFailed.increment();
  }

  @Override
  public void bulkSent(int items, Duration took) {
    bulkSize.record(items);
    bulkDuration.record(took);
  }

  @Override
  public void articleWritten(Duration sinceSubmission) {
    endToEnd.record(sinceSubmission);
  }
}
