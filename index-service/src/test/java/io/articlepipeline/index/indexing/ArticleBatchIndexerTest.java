package io.articlepipeline.index.indexing;

import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.deadletter.DeadLetter;
import io.articlepipeline.support.deadletter.DeadLetterPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.index.indexing.BulkSender.Action;
import io.articlepipeline.index.indexing.BulkSender.ItemResult;
import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.retry.Retry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ArticleBatchIndexerTest {

  /** Answers each bulk request with the next scripted function of its actions. */
  static final class ScriptedSender implements BulkSender {
    final Deque<Function<List<Action>, List<ItemResult>>> script = new java.util.LinkedList<>();
    final List<List<Action>> requests = new ArrayList<>();

    @Override
    public List<ItemResult> send(List<Action> actions) throws IOException {
      requests.add(actions);
      Function<List<Action>, List<ItemResult>> next = script.isEmpty() ? ScriptedSender::allOk : script.poll();
      if (next == null) {
        throw new IOException("connection refused");
      }
      return next.apply(actions);
    }

    static List<ItemResult> allOk(List<Action> actions) {
      return actions.stream().map(a -> new ItemResult(201, null, null)).toList();
    }
  }

  static final class RecordingPublisher implements DeadLetterPublisher {
    final List<DeadLetter> published = new ArrayList<>();

    @Override
    public void publish(List<DeadLetter> deadLetters) {
      published.addAll(deadLetters);
    }
  }

  private final ScriptedSender sender = new ScriptedSender();
  private final RecordingPublisher dlq = new RecordingPublisher();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Retry retry = new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), sleeps::add);

  private ArticleBatchIndexer indexer(MalformedDocumentPolicy policy) {
    return new ArticleBatchIndexer(sender, new ArticleDocumentMapper(), dlq, retry, policy,
        Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));
  }

  private static SourceRecord src(long offset, String key) {
    return new SourceRecord("articles.enriched", 2, offset, key, 1000L);
  }

  private static IncomingRecord article(long offset, String id, long revision) {
    return new IncomingRecord.Article(src(offset, id), Articles.article(id, revision).build(),
        ("read as:" + id).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void articlesAreIndexedWithTheirRevisionAsExternalVersion() {
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER).index(List.of(article(0, "a", 7)));
    assertThat(report.indexed()).isEqualTo(1);
    assertThat(sender.requests.get(0).get(0)).isInstanceOfSatisfying(BulkSender.Upsert.class, u -> {
      assertThat(u.id()).isEqualTo("a");
      assertThat(u.version()).isEqualTo(7);
    });
  }

  @Test
  void aTombstoneDeletesTheDocumentOfItsKey() {
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER)
        .index(List.of(new IncomingRecord.Tombstone(src(4, "gone"))));
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(sender.requests.get(0)).containsExactly(new BulkSender.Delete("gone"));
  }

  @Test
  void deletingAMissingDocumentIsFine() {
    sender.script.add(actions -> List.of(new ItemResult(404, null, null)));
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER)
        .index(List.of(new IncomingRecord.Tombstone(src(4, "gone"))));
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(dlq.published).isEmpty();
  }

  @Test
  void aVersionConflictIsAStaleReplayCountedNotFailed() {
    sender.script.add(actions -> List.of(new ItemResult(201, null, null),
        new ItemResult(409, "version_conflict_engine_exception", "current version [9] is higher")));
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER).index(List.of(article(0, "a", 1), article(1, "b", 1)));
    assertThat(report.indexed()).isEqualTo(1);
    assertThat(report.stale()).isEqualTo(1);
    assertThat(dlq.published).isEmpty();
    assertThat(sender.requests).hasSize(1);
  }

  @Test
  void aMalformedDocumentGoesToTheDeadLetterTopicAsItWasReadWithItsOriginAndReason() {
    sender.script.add(actions -> List.of(new ItemResult(400, "document_parsing_exception", "failed to parse field [date]"),
        new ItemResult(201, null, null)));
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER).index(List.of(article(41, "bad", 1), article(42, "ok", 1)));
    assertThat(report.indexed()).isEqualTo(1);
    assertThat(report.deadLettered()).isEqualTo(1);
    DeadLetter letter = dlq.published.get(0);
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("read as:bad");
    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("index");
    assertThat(header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("document_parsing_exception")
        .contains("failed to parse field [date]");
    assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("articles.enriched");
    assertThat(ByteBuffer.wrap(letter.headers().get(DeadLetterHeaders.ORIGINAL_PARTITION)).getInt()).isEqualTo(2);
    assertThat(ByteBuffer.wrap(letter.headers().get(DeadLetterHeaders.ORIGINAL_OFFSET)).getLong()).isEqualTo(41);
    assertThat(letter.source().key()).isEqualTo("bad");
  }

  @Test
  void anUndecodableRecordIsDeadLetteredWithItsOriginalBytesWithoutTouchingElasticsearch() {
    byte[] garbage = {0, 0, 0, 0, 99, 1, 2};
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER).index(List.of(new IncomingRecord.Undecodable(
        src(5, "k"), garbage, "org.apache.kafka.common.errors.SerializationException", "unknown schema id 99")));
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(dlq.published.get(0).value()).isEqualTo(garbage);
    assertThat(header(dlq.published.get(0), DeadLetterHeaders.EXCEPTION_FQCN))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(sender.requests).isEmpty();
  }

  @Test
  void onlyTheItemsThatFailedRetriablyAreSentAgain() {
    sender.script.add(actions -> List.of(new ItemResult(201, null, null),
        new ItemResult(429, "es_rejected_execution_exception", "queue full")));
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER).index(List.of(article(0, "a", 1), article(1, "b", 1)));
    assertThat(report.indexed()).isEqualTo(2);
    assertThat(report.bulkAttempts()).isEqualTo(2);
    assertThat(sender.requests.get(1)).extracting(Action::id).containsExactly("b");
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void anUnreachableElasticsearchIsRetriedThenFailsTheBatchLoudly() {
    sender.script.add(null);
    sender.script.add(null);
    sender.script.add(null);
    assertThatThrownBy(() -> indexer(MalformedDocumentPolicy.DEAD_LETTER).index(List.of(article(0, "a", 1))))
        .isInstanceOf(IndexingFailedException.class)
        .hasMessageContaining("after 3 attempts")
        .hasMessageContaining("not committed");
    assertThat(dlq.published).isEmpty();
  }

  @Test
  void withPolicyFailAMalformedDocumentFailsTheBatch() {
    sender.script.add(actions -> List.of(new ItemResult(400, "mapper_parsing_exception", "bad")));
    assertThatThrownBy(() -> indexer(MalformedDocumentPolicy.FAIL).index(List.of(article(0, "a", 1))))
        .isInstanceOf(IndexingFailedException.class)
        .hasMessageContaining("pipeline.index.behavior-on-malformed-documents");
    assertThat(dlq.published).isEmpty();
  }

  @Test
  void anArticleWithoutIdIsDeadLetteredBeforeTheBulk() {
    BatchReport report = indexer(MalformedDocumentPolicy.DEAD_LETTER)
        .index(List.of(new IncomingRecord.Article(src(3, ""), Articles.article("", 1).build())));
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(header(dlq.published.get(0), DeadLetterHeaders.EXCEPTION_FQCN)).endsWith("MalformedArticleException");
    assertThat(sender.requests).isEmpty();
  }

  private ArticleBatchIndexer indexer(BulkLimits limits) {
    return new ArticleBatchIndexer(sender, new ArticleDocumentMapper(), dlq, retry, MalformedDocumentPolicy.DEAD_LETTER,
        Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC), IndexingListener.NONE, limits);
  }

  private static List<IncomingRecord> articles(int n) {
    List<IncomingRecord> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(article(i, "a" + i, 1));
    }
    return batch;
  }

  @Test
  void aBatchGoesOutInRequestsOfAtMostTheConfiguredActionsInItsOrder() {
    BatchReport report = indexer(new BulkLimits(2, Long.MAX_VALUE, 2)).index(articles(5));
    assertThat(report.indexed()).isEqualTo(5);
    assertThat(sender.requests).extracting(r -> r.stream().map(Action::id).toList())
        .containsExactly(List.of("a0", "a1"), List.of("a2", "a3"), List.of("a4"));
  }

  @Test
  void aRequestIsClosedBeforeItsDocumentsExceedTheConfiguredBytesAndALargeDocumentGoesAlone() {
    int one = new ArticleDocumentMapper().toJson(Articles.article("a0", 1).build(),
        Instant.parse("2024-06-01T00:00:00Z")).length;
    indexer(new BulkLimits(100, one * 2L + 1, 1)).index(articles(5));
    assertThat(sender.requests).extracting(List::size).containsExactly(2, 2, 1);
    sender.requests.clear();
    indexer(new BulkLimits(100, 10, 1)).index(articles(2));
    assertThat(sender.requests).extracting(List::size).containsExactly(1, 1);
    assertThat(sender.requests.get(0).get(0).size()).isEqualTo(one);
  }

  @Test
  void whenOneRequestOfABatchFailsOnlyItsItemsAreSentAgainInTheirOrder() {
    sender.script.add(ScriptedSender::allOk);
    sender.script.add(null);
    BatchReport report = indexer(new BulkLimits(2, Long.MAX_VALUE, 2)).index(articles(5));
    assertThat(report.indexed()).isEqualTo(5);
    assertThat(report.bulkAttempts()).isEqualTo(2);
    assertThat(sender.requests).extracting(r -> r.stream().map(Action::id).toList())
        .containsExactly(List.of("a0", "a1"), List.of("a2", "a3"), List.of("a4"), List.of("a2", "a3"));
  }

  @Test
  void itemsFailingRetriablyInSeveralRequestsAreSentAgainInTheirBatchOrder() {
    ItemResult busy = new ItemResult(429, "es_rejected_execution_exception", "queue full");
    sender.script.add(actions -> List.of(busy, new ItemResult(201, null, null)));
    sender.script.add(actions -> List.of(new ItemResult(201, null, null), busy));
    BatchReport report = indexer(new BulkLimits(2, Long.MAX_VALUE, 2)).index(articles(4));
    assertThat(report.indexed()).isEqualTo(4);
    assertThat(sender.requests.get(2)).extracting(Action::id).containsExactly("a0", "a3");
  }

  private static String header(DeadLetter letter, String name) {
    return new String(letter.headers().get(name), StandardCharsets.UTF_8);
  }
}
