package io.articlepipeline.index.indexing;

import io.articlepipeline.support.deadletter.SourceRecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.index.indexing.BulkSender.Action;
import io.articlepipeline.index.indexing.BulkSender.ItemResult;
import io.articlepipeline.retry.Retry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the indexer tells its {@link IndexingListener}: bulk sizes and durations, end-to-end latencies. */
class ArticleBatchIndexerReportingTest {

  private static final Instant SUBMITTED = Instant.parse("2024-05-02T09:00:00Z"); // Articles.article's submittedAt
  private static final Duration BULK_TAKES = Duration.ofMillis(250);

  /** A clock the bulk sender moves forward, as if each request took {@link #BULK_TAKES}. */
  static final class ManualClock extends Clock {
    Instant now = SUBMITTED.plusSeconds(3);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Records what it is told. */
  static final class RecordingListener implements IndexingListener {
    final List<Integer> bulkSizes = new ArrayList<>();
    final List<Duration> bulkDurations = new ArrayList<>();
    final List<Duration> endToEnd = new ArrayList<>();

    @Override
    public void bulkSent(int items, Duration took) {
      bulkSizes.add(items);
      bulkDurations.add(took);
    }

    @Override
    public void articleWritten(Duration sinceSubmission) {
      endToEnd.add(sinceSubmission);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final RecordingListener listener = new RecordingListener();
  private final Queue<Function<List<Action>, List<ItemResult>>> answers = new LinkedList<>();

  private final BulkSender sender = actions -> {
    clock.now = clock.now.plus(BULK_TAKES);
    Function<List<Action>, List<ItemResult>> answer = answers.poll();
    if (answer == null) {
      return actions.stream().map(a -> new ItemResult(201, null, null)).toList();
    }
    List<ItemResult> results = answer.apply(actions);
    if (results == null) {
      throw new IOException("connection refused");
    }
    return results;
  };

  private final ArticleBatchIndexer indexer = new ArticleBatchIndexer(sender, new ArticleDocumentMapper(),
      letters -> { },
      new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), d -> { }),
      MalformedDocumentPolicy.DEAD_LETTER, clock, listener, BulkLimits.ONE_REQUEST);

  private static IncomingRecord article(long offset, String id) {
    return new IncomingRecord.Article(new SourceRecord("articles.enriched", 0, offset, id, 1000L),
        Articles.article(id, 1).build());
  }

  private static ItemResult ok() {
    return new ItemResult(201, null, null);
  }

  @Test
  void eachBulkRequestIsReportedWithItsSizeAndDuration() {
    indexer.index(List.of(article(0, "a"), article(1, "b"), article(2, "c")));

    assertThat(listener.bulkSizes).containsExactly(3);
    assertThat(listener.bulkDurations).containsExactly(BULK_TAKES);
  }

  @Test
  void aRetriedBulkIsReportedOncePerRequestWithTheItemsItCarried() {
    answers.add(actions -> List.of(ok(), new ItemResult(429, "es_rejected_execution_exception", "queue full")));

    indexer.index(List.of(article(0, "a"), article(1, "b")));

    assertThat(listener.bulkSizes).containsExactly(2, 1);
    assertThat(listener.bulkDurations).containsExactly(BULK_TAKES, BULK_TAKES);
  }

  @Test
  void aBulkThatGetsNoAnswerIsStillTimed() {
    answers.add(actions -> null);

    indexer.index(List.of(article(0, "a")));

    assertThat(listener.bulkSizes).containsExactly(1, 1);
    assertThat(listener.bulkDurations).hasSize(2);
  }

  @Test
  void theEndToEndLatencyOfAWrittenArticleRunsFromSubmissionToTheBulkThatWroteIt() {
    indexer.index(List.of(article(0, "a")));

    assertThat(listener.endToEnd).containsExactly(Duration.ofSeconds(3).plus(BULK_TAKES));
  }

  @Test
  void anArticleWrittenOnARetryCountsTheRetryInItsLatency() {
    answers.add(actions -> List.of(ok(), new ItemResult(503, "unavailable_shards_exception", "primary not active")));

    indexer.index(List.of(article(0, "a"), article(1, "b")));

    assertThat(listener.endToEnd).containsExactly(Duration.ofSeconds(3).plus(BULK_TAKES),
        Duration.ofSeconds(3).plus(BULK_TAKES.multipliedBy(2)));
  }

  @Test
  void staleDeadLetteredAndDeletedRecordsHaveNoEndToEndLatency() {
    answers.add(actions -> List.of(
        new ItemResult(409, "version_conflict_engine_exception", "current version [9] is higher"),
        new ItemResult(400, "illegal_argument_exception", "Document contains at least one immense term"),
        ok()));

    indexer.index(List.of(article(0, "stale"), article(1, "rejected"),
        new IncomingRecord.Tombstone(new SourceRecord("articles.enriched", 0, 2, "gone", 1000L))));

    assertThat(listener.endToEnd).isEmpty();
    assertThat(listener.bulkSizes).containsExactly(3);
  }

  @Test
  void anArticleSubmittedAfterTheIndexersClockSaysNowReportsNoNegativeLatency() {
    clock.now = SUBMITTED.minusSeconds(5);

    indexer.index(List.of(article(0, "a")));

    assertThat(listener.endToEnd).isEmpty();
  }
}
