package io.articlepipeline.index.reindex;

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
 *   <li>move the write alias: the live consumer now writes to the new index;</li>
 *   <li>replay again up to the new end offsets, catching what the live consumer wrote to the old
 *       index meanwhile (external versions make the overlap harmless);</li>
 *   <li>refresh and move the read alias in one atomic request. The old index is kept for rollback.</li>
 * </ol>
 * Records the live stage dead-letters are counted here, not dead-lettered twice.
 *
 * <p>A rebuild the service stopped in the middle of (a crash, a restart) is finished or cleaned
 * up, never left half-done: once the write alias has moved, new articles go to a version no
 * search reads until the read alias follows, so such a rebuild resumes by itself at start-up
 * ({@link #resumeInterrupted}: replay into that version, then move the reads); a version created
 * before the writes moved holds only part of the topic and takes no writes, and the next rebuild
 * deletes it before creating its own. One rebuild at a time: with several instances, start it on
 * one of them.
 */
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final IndexAdmin admin;
  private final String topic;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Function<String, ArticleBatchIndexer> indexerForIndex;
  private final Clock clock;
  private final RecordDecoder<ArticleEnriched> decoder;
  private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.idle());

  /**
   * @param consumers       new consumers (no group: assigned partitions, no commits) reading the topic
   * @param indexerForIndex a batch indexer writing straight into the named index
   */
  public Reindexer(IndexAdmin admin, String topic, Supplier<Consumer<String, byte[]>> consumers,
                   Function<String, ArticleBatchIndexer> indexerForIndex, Clock clock,
                   RecordDecoder<ArticleEnriched> decoder) {
    this.admin = admin;
    this.topic = topic;
    this.consumers = consumers;
    this.indexerForIndex = indexerForIndex;
    this.clock = clock;
    this.decoder = decoder;
  }

  public ReindexStatus status() {
    return status.get();
  }

  /** Claims the rebuild; false if one is running. Call {@link #run()} after a successful claim. */
  public synchronized boolean claim() {
    if (status.get().running()) {
      return false;
    }
    status.set(new ReindexStatus("CREATING", null, null, 0, 0, 0, 0, 0, 0, clock.instant(), null, null));
    return true;
  }

  /**
   * At start-up: resumes a rebuild that had moved the write alias to its new version and stopped
   * before moving the read alias (new articles would otherwise go on landing where no search
   * reads them). Runs it on {@code executor}; true if one was started.
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
      p.to = interruptedAfterWritesMoved(p.from, admin.writeIndex().orElse(null));
      boolean resuming = p.to != null;
      if (resuming) {
        log.warn("Rebuild: resuming the one that moved the writes to {} and stopped before the reads (still on {}):"
            + " replaying topic={} into it", p.to, p.from, topic);
      } else {
        removeAbandoned(p.from);
        p.to = admin.layout().indexName(admin.highestVersion() + 1);
        update(p, "CREATING");
        admin.createIndex(p.to, false);
        log.info("Rebuild: replaying topic={} into index {} (readers stay on {})", topic, p.to, p.from);
      }
      ArticleBatchIndexer indexer = indexerForIndex.apply(p.to);
      try (Consumer<String, byte[]> consumer = consumers.get()) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        update(p, "REPLAYING");
        replayUntil(consumer, consumer.endOffsets(partitions), indexer, p);
        if (!resuming) {
          update(p, "SWITCHING_WRITES");
          admin.switchWriteAlias(p.to);
          update(p, "CATCHING_UP");
          replayUntil(consumer, consumer.endOffsets(partitions), indexer, p);
        }
        // resuming: the live stage has written to p.to since the writes moved; the replay up to
        // the end offsets at its start covers everything before, the live stage everything after
      }
      update(p, "SWITCHING_READS");
      admin.refresh(p.to);
      admin.switchReadAlias(p.to);
      p.documents = admin.count(p.to);
      ReindexStatus done = snapshot(p, "DONE", clock.instant(), null);
      status.set(done);
      log.info("Rebuild done: {} -> {}, records={} indexed={} deleted={} stale={} skipped={} documents={}",
          p.from, p.to, p.read, p.indexed, p.deleted, p.stale, p.skipped, p.documents);
      return done;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.error("Rebuild into {} failed; readers stay on {}: {}", p.to, p.from, e.toString());
      ReindexStatus failed = snapshot(p, "FAILED", clock.instant(), e.getMessage());
      status.set(failed);
      return failed;
    }
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
        started, finished, error);
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
  }
}
