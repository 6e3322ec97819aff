package io.articlepipeline.index.reindex;

import io.articlepipeline.support.kafka.LiveGate;
import io.articlepipeline.index.elastic.IndexAdmin;
import io.articlepipeline.index.elastic.IndexLayout;
import io.articlepipeline.index.indexing.ArticleBatchIndexer;
import io.articlepipeline.index.indexing.BatchReport;
import io.articlepipeline.index.indexing.IncomingRecord;
import io.articlepipeline.index.indexing.IncomingRecords;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero-downtime rebuild: a new index version filled by replaying the topic from the beginning,
 * then the aliases switched atomically. Readers keep searching the old version until the switch.
 *
 * <ol>
 *   <li>create {@code <prefix><n+1>} from the template (current mappings);</li>
 *   <li>replay the topic up to its end offsets at the start into the new index;</li>
 *   <li>catch up, round after round, with what arrived meanwhile (the live stage still writes to
 *       the old index), until a round has little left;</li>
 *   <li>hold the live stage between two batches ({@link LiveGate}), replay the rest up to the
 *       end offsets of that moment, move the write alias, let the live stage go on: it writes from
 *       its position into the new index, so no record is replayed there after a newer record of
 *       the same article (a replayed retraction cannot remove a revision submitted after it, nor a
 *       replayed revision bring back an article retracted after it). New articles wait for that
 *       last round ({@link ReindexStatus#livePausedMillis()});</li>
 *   <li>refresh and move the read alias in one atomic request. The old index is kept for rollback.</li>
 * </ol>
 * Records the live stage dead-letters are counted here, not dead-lettered twice.
 *
 * <p>A rebuild the service stopped in the middle of (a crash, a restart) is never left half-done.
 * Stopped after it moved the write alias, new articles would go to a version no search reads:
 * at start-up the writes go back to the version the readers use and the rebuild starts again
 * ({@link #resumeInterrupted}). A version created by a rebuild that stopped holds part of the
 * topic and no search reads it; a rebuild deletes it before creating its own. One rebuild at a
 * time, and the live stage held is this instance's: with several instances, the others' live
 * stages go on writing while the writes move (the overlap step 4 prevents).
 */
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  /** Catching up stops when a round would have this few records left: the held last round replays them. */
  static final long CAUGHT_UP_RECORDS = 2_000;
  /** Catch-up rounds at most before the live stage is held, however many records arrive meanwhile. */
  static final int MAX_CATCH_UP_ROUNDS = 10;

  private final IndexAdmin admin;
  private final String topic;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Function<String, ArticleBatchIndexer> indexerForIndex;
  private final Clock clock;
  private final RecordDecoder<ArticleEnriched> decoder;
  private final LiveGate gate;
  private final Duration liveBatchTimeout;
  private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.idle());

  /**
   * @param consumers       new consumers (no group: assigned partitions, no commits) reading the topic
   * @param indexerForIndex a batch indexer writing straight into the named index
   * @param gate             the live stage's, held while the writes move
   * @param liveBatchTimeout how long the live stage's batch in progress may take to finish once held
   */
  public Reindexer(IndexAdmin admin, String topic, Supplier<Consumer<String, byte[]>> consumers,
                   Function<String, ArticleBatchIndexer> indexerForIndex, Clock clock,
                   RecordDecoder<ArticleEnriched> decoder, LiveGate gate, Duration liveBatchTimeout) {
    this.admin = admin;
    this.topic = topic;
    this.consumers = consumers;
    this.indexerForIndex = indexerForIndex;
    this.clock = clock;
    this.decoder = decoder;
    this.gate = gate;
    this.liveBatchTimeout = liveBatchTimeout;
  }

  public ReindexStatus status() {
    return status.get();
  }

  /** Claims the rebuild; false if one is running. Call {@link #run()} after a successful claim. */
  public synchronized boolean claim() {
    if (status.get().running()) {
      return false;
    }
    status.set(new ReindexStatus("CREATING", null, null, 0, 0, 0, 0, 0, 0, 0, clock.instant(), null, null));
    return true;
  }

  /**
   * At start-up: a rebuild that had moved the write alias to its new version and stopped before
   * moving the read alias left new articles landing where no search reads them. The writes go
   * back to the version searches read and the rebuild starts again ({@link #run}) on
   * {@code executor}; true if one was started.
   */
  public boolean resumeInterrupted(Executor executor) throws IOException {
    if (interruptedAfterWritesMoved(admin.readIndex().orElse(null), admin.writeIndex().orElse(null)) == null
        || !claim()) {
      return false;
    }
    executor.execute(this::run);
    return true;
  }

  /** The write index if it is newer than the read index (a rebuild moved the writes, not yet the reads), else null. */
  private String interruptedAfterWritesMoved(String read, String write) {
    IndexLayout layout = admin.layout();
    return read != null && write != null && layout.versionOf(write) > layout.versionOf(read) ? write : null;
  }

  /** Runs a claimed rebuild to the end; the outcome is in {@link #status()}. */
  public ReindexStatus run() {
    Progress p = new Progress();
    try {
      p.from = admin.readIndex().orElse(null);
      String writes = admin.writeIndex().orElse(null);
      if (interruptedAfterWritesMoved(p.from, writes) != null) {
        log.warn("Rebuild: one stopped after it moved the writes to {}; moving them back to {}, which searches read,"
            + " and starting again", writes, p.from);
        admin.switchWriteAlias(p.from);
      }
      removeAbandoned(p.from);
      p.to = admin.layout().indexName(admin.highestVersion() + 1);
      update(p, "CREATING");
      admin.createIndex(p.to, false);
      log.info("Rebuild: replaying topic={} into index {} (readers stay on {})", topic, p.to, p.from);
      ArticleBatchIndexer indexer = indexerForIndex.apply(p.to);
      try (Consumer<String, byte[]> consumer = consumers.get()) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        update(p, "REPLAYING");
        replayUntil(consumer, consumer.endOffsets(partitions), indexer, p);
        update(p, "CATCHING_UP");
        for (int round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
          Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
          if (behind(consumer, end) <= CAUGHT_UP_RECORDS) {
            break;
          }
          replayUntil(consumer, end, indexer, p);
        }
        switchWrites(consumer, partitions, indexer, p);
      }
      update(p, "SWITCHING_READS");
      admin.refresh(p.to);
      admin.switchReadAlias(p.to);
      p.documents = admin.count(p.to);
      ReindexStatus done = snapshot(p, "DONE", clock.instant(), null);
      status.set(done);
      log.info("Rebuild done: {} -> {}, records={} indexed={} deleted={} stale={} skipped={} documents={}"
          + " livePausedMs={}", p.from, p.to, p.read, p.indexed, p.deleted, p.stale, p.skipped, p.documents,
          p.livePausedMillis);
      return done;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String why = e.getMessage();
      if (p.writesMoved) {
        // the read alias did not follow: say so, or new articles go unseen without a word
        why += "; new articles go to " + p.to + ", which searches do not read yet: run the rebuild again (it moves"
            + " the writes back to " + p.from + " first) or restart index-service (which does that itself)";
      }
      log.error("Rebuild into {} failed; readers stay on {}: {}", p.to, p.from, why);
      ReindexStatus failed = snapshot(p, "FAILED", clock.instant(), why);
      status.set(failed);
      return failed;
    }
  }

  /**
   * Holds the live stage, replays what precedes it, moves the write alias, lets the live stage go
   * on. The hold is given up (and the rebuild fails, writes and reads still on the old version)
   * if a live batch does not finish within {@link #liveBatchTimeout}: a stage retrying a failing
   * batch must not hold the rebuild, nor the rebuild the stage, for good.
   */
  private void switchWrites(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                            ArticleBatchIndexer indexer, Progress p) throws Exception {
    update(p, "SWITCHING_WRITES");
    try {
      p.livePausedMillis = gate.hold(liveBatchTimeout, () -> {
        replayUntil(consumer, consumer.endOffsets(partitions), indexer, p);
        admin.switchWriteAlias(p.to);
        p.writesMoved = true;
      }) / 1_000_000;
    } catch (LiveGate.StillWritingException e) {
      throw new IllegalStateException("the live stage did not finish its batch within " + liveBatchTimeout
          + " (is Elasticsearch failing its writes?); writes and searches stay on " + p.from, e);
    }
    log.info("Rebuild: writes moved to {}; the live stage was held {} ms", p.to, p.livePausedMillis);
  }

  /** Records between the consumer's positions and {@code end}. */
  private static long behind(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    long n = 0;
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      n += Math.max(0, e.getValue() - consumer.position(e.getKey()));
    }
    return n;
  }

  /**
   * Versions above the one both aliases name were created by a rebuild that stopped before it
   * moved the writes: they hold part of the topic and take no writes. Deleted before a new
   * version is created, so the numbering stays dense and no half-built copy takes disk.
   */
  private void removeAbandoned(String read) throws IOException {
    int current = admin.layout().versionOf(read);
    if (current <= 0) {
      return;
    }
    for (String index : admin.versions()) {
      if (admin.layout().versionOf(index) > current) {
        log.warn("Rebuild: deleting index {}, left half-built by a rebuild that stopped before it took the writes",
            index);
        admin.deleteIndex(index);
      }
    }
  }

  private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("Topic " + topic + " has no partitions (does it exist?)");
    }
    List<TopicPartition> out = new ArrayList<>();
    for (PartitionInfo info : infos) {
      out.add(new TopicPartition(info.topic(), info.partition()));
    }
    return out;
  }

  private void replayUntil(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end,
                           ArticleBatchIndexer indexer, Progress p) {
    Map<TopicPartition, Long> targets = new HashMap<>(end);
    while (!caughtUp(consumer, targets)) {
      ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
      if (records.isEmpty()) {
        continue;
      }
      List<IncomingRecord> batch = new ArrayList<>(records.count());
      for (ConsumerRecord<String, byte[]> r : records) {
        batch.add(IncomingRecords.of(r, decoder));
      }
      BatchReport report = indexer.index(batch);
      p.read += batch.size();
      p.indexed += report.indexed();
      p.deleted += report.deleted();
      p.stale += report.stale();
      p.skipped += report.deadLettered();
      status.set(snapshot(p, status.get().phase(), null, null));
    }
  }

  private static boolean caughtUp(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> targets) {
    for (Map.Entry<TopicPartition, Long> e : targets.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void update(Progress p, String phase) {
    status.set(snapshot(p, phase, null, null));
  }

  private ReindexStatus snapshot(Progress p, String phase, Instant finished, String error) {
    Instant started = status.get().startedAt() != null ? status.get().startedAt() : clock.instant();
    return new ReindexStatus(phase, p.from, p.to, p.read, p.indexed, p.deleted, p.stale, p.skipped, p.documents,
        p.livePausedMillis, started, finished, error);
  }

  private static final class Progress {
    String from;
    String to;
    long read;
    long indexed;
    long deleted;
    long stale;
    long skipped;
    long documents;
    long livePausedMillis;
    boolean writesMoved;
  }
}
