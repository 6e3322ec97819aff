package io.articlepipeline.index.reindex;

import io.articlepipeline.support.kafka.LiveGate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.articlepipeline.index.elastic.IndexAdmin;
import io.articlepipeline.index.elastic.IndexLayout;
import io.articlepipeline.index.indexing.ArticleBatchIndexer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order of a rebuild's steps around the live stage, on an empty topic (the replay itself is ReindexIT's). */
class ReindexerTest {

  private static final String TOPIC = "articles.enriched";
  private final IndexAdmin admin = mock(IndexAdmin.class);
  private final LiveGate gate = new LiveGate();
  private final List<String> steps = new ArrayList<>();
  private Reindexer reindexer;

  @BeforeEach
  void setUp() throws IOException {
    when(admin.layout()).thenReturn(new IndexLayout("articles", "articles-write", "articles-v", "articles", 1, 0, "1s"));
    when(admin.readIndex()).thenReturn(Optional.of("articles-v1"));
    when(admin.writeIndex()).thenReturn(Optional.of("articles-v1"));
    when(admin.highestVersion()).thenReturn(1);
    when(admin.versions()).thenReturn(List.of("articles-v1"));
    doAnswer(i -> steps.add("writes -> " + i.getArgument(0) + (gate.isClosed() ? " (live stage held)" : "")))
        .when(admin).switchWriteAlias(org.mockito.ArgumentMatchers.anyString());
    doAnswer(i -> steps.add("reads -> " + i.getArgument(0) + (gate.isClosed() ? " (live stage held)" : "")))
        .when(admin).switchReadAlias(org.mockito.ArgumentMatchers.anyString());
    reindexer = new Reindexer(admin, TOPIC, ReindexerTest::emptyTopic, index -> mock(ArticleBatchIndexer.class),
        Clock.systemUTC(), null, gate, Duration.ofSeconds(5));
  }

  private static MockConsumer<String, byte[]> emptyTopic() {
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    TopicPartition tp = new TopicPartition(TOPIC, 0);
    consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(tp, 0L));
    consumer.updateEndOffsets(Map.of(tp, 0L));
    return consumer;
  }

  @Test
  void theWritesMoveWhileTheLiveStageIsHeldAndTheReadsAfterItGoesOn() {
    assertThat(reindexer.claim()).isTrue();
    ReindexStatus done = reindexer.run();

    assertThat(done.phase()).as(done.toString()).isEqualTo("DONE");
    assertThat(steps).containsExactly("writes -> articles-v2 (live stage held)", "reads -> articles-v2");
    assertThat(gate.isClosed()).isFalse();
  }

  @Test
  void aRebuildThatFailsAfterTheWritesMovedSaysWhereNewArticlesGo() throws IOException {
    doThrow(new IOException("refresh timed out")).when(admin).refresh("articles-v2");
    assertThat(reindexer.claim()).isTrue();
    ReindexStatus failed = reindexer.run();

    assertThat(failed.phase()).isEqualTo("FAILED");
    assertThat(failed.error()).startsWith("refresh timed out")
        .contains("new articles go to articles-v2, which searches do not read yet").contains("run the rebuild again");
    assertThat(gate.isClosed()).isFalse();
  }

  @Test
  void aRebuildThatFailsBeforeTheWritesMovedSaysOnlyWhy() throws IOException {
    doThrow(new IOException("disk full")).when(admin).createIndex("articles-v2", false);
    assertThat(reindexer.claim()).isTrue();
    ReindexStatus failed = reindexer.run();

    assertThat(failed.phase()).isEqualTo("FAILED");
    assertThat(failed.error()).isEqualTo("disk full");
    assertThat(steps).isEmpty();
  }

  @Test
  void anInterruptedRebuildMovesTheWritesBackBeforeItStartsAgain() throws IOException {
    when(admin.writeIndex()).thenReturn(Optional.of("articles-v2"));
    when(admin.versions()).thenReturn(List.of("articles-v1", "articles-v2"));
    doAnswer(i -> steps.add("delete " + i.getArgument(0))).when(admin).deleteIndex("articles-v2");
    assertThat(reindexer.claim()).isTrue();
    ReindexStatus done = reindexer.run();

    assertThat(done.phase()).as(done.toString()).isEqualTo("DONE");
    assertThat(steps).containsExactly("writes -> articles-v1", "delete articles-v2",
        "writes -> articles-v2 (live stage held)", "reads -> articles-v2");
  }
}
