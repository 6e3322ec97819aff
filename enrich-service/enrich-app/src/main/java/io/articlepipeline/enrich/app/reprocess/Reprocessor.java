package io.articlepipeline.enrich.app.reprocess;

import io.articlepipeline.enrich.app.EnrichBatch;
import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.kafka.BatchMessages.Consumed;
import io.articlepipeline.support.kafka.LiveGate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches the articles already on the input topic again (after the enricher or the gazetteer
 * changed) beside the live stage, which goes on enriching new articles meanwhile:
 *
 * <ol>
 *   <li>the plan: per partition, from the first record written at or after {@code since} (the
 *       log start without one) up to the live stage's committed offset; what comes after is the
 *       live stage's ({@link ReprocessPlan});</li>
 *   <li>scanning: the plan's records are read once for their keys, to know each article's last
 *       record in it ({@link LatestOffsets});</li>
 *   <li>reprocessing: read again in batches, only each article's last record is enriched (an
 *       earlier revision or an article whose last record is its retraction is not), on the stage's
 *       workers; then the live stage is held between two of its batches ({@link LiveGate}), the
 *       input topic read from the plan's end up to its end now, the batch written without the
 *       articles that have a record there (the live stage writes those, and has written or will
 *       write them after this), and the live stage let go. So a reprocessed revision never lands
 *       after a newer revision or a retraction of the same article in the output topic, and the
 *       live stage waits only for the writing of a batch. While the live stage or the next stage
 *       (the index stage on the output topic) is behind, the reprocess waits: new articles first.</li>
 * </ol>
 *
 * Progress is committed after each batch in a consumer group of its own, with the plan as the
 * commit's metadata: a service restarted in the middle goes on with the same plan
 * ({@link #resume}). When done, the group is deleted. One reprocess at a time per service; the
 * hold is the live stage of this process only (with several enrich-service instances the others'
 * live stages are not held).
 */
public final class Reprocessor {

  private static final Logger log = LoggerFactory.getLogger(Reprocessor.class);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final String DONE_METADATA = "reprocess/done";

  /** Where a reprocess stands. */
  public enum Phase {
    IDLE, SCANNING, REPROCESSING, DONE, FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Makes the reprocess's consumers: byte keys and values, no auto commit. */
  public interface Consumers {
    Consumer<byte[], byte[]> create(String clientId, String groupId, int maxPollRecords);
  }

  /** Deletes the reprocess's consumer group once it is done. */
  public interface GroupDeleter {
    void delete(String group) throws Exception;
  }

  /** Runs after a batch is enriched, before the live stage is held (tests time their steps with it). */
  public interface Hook {
    Hook NONE = keys -> { };

    void beforeHold(List<String> keys) throws Exception;
  }

  /**
   * A reprocess's status.
   *
   * @param phase idle (none since the service started), scanning, reprocessing, done or failed
   * @param error why it failed, null otherwise
   * @param resumed true when it goes on with a plan an earlier run of the service started
   * @param records records the plan covers (revisions and retractions included)
   * @param scanned of those, read for their keys
   * @param articles articles whose last record in the plan is not a retraction: what is enriched again (known once scanned)
   * @param covered records the reprocess has gone past (the whole plan when done)
   * @param percent covered / records in percent (100 when there was nothing to do)
   * @param reprocessed articles enriched again and written
   * @param leftToLive articles left out because the live stage has a newer record of them
   * @param deadLettered articles the enricher failed on, written to the dead-letter topic
   * @param livePausedMillis time the live stage was held, in all
   * @param livePausedMaxMillis its longest hold
   * @param waitedForLiveMillis time it waited because the live stage, or the next stage on the output
   *     topic, was behind (new articles first)
   * @param partitions per partition: the plan and where the reprocess is
   */
  public record Status(String phase, String error, String topic, String liveGroup, Instant since, Instant startedAt,
      Instant finishedAt, boolean resumed, long records, long scanned, Long articles, long covered, Double percent,
      long reprocessed, long leftToLive, long deadLettered, long livePausedMillis, long livePausedMaxMillis,
      long waitedForLiveMillis, List<PartitionStatus> partitions) {
  }

  /** One partition of the plan. */
  public record PartitionStatus(int partition, long from, long upTo, long position) {
  }

  private final Consumers consumers;
  private final GroupDeleter groups;
  private final EnrichBatch batch;
  private final LiveGate gate;
  private final BooleanSupplier liveBehind;
  private final String topic;
  private final String liveGroup;
  private final String group;
  private final int batchSize;
  private final Duration holdTimeout;
  private final Executor executor;
  private final Clock clock;
  private volatile Hook hook = Hook.NONE;

  private volatile Phase phase = Phase.IDLE;
  private volatile String error;
  private volatile ReprocessPlan plan;
  private volatile boolean resumed;
  private volatile Instant finishedAt;
  private volatile Long articles;
  private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
  private final AtomicLong scanned = new AtomicLong();
  private final AtomicLong reprocessed = new AtomicLong();
  private final AtomicLong leftToLive = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong pausedNanos = new AtomicLong();
  private final AtomicLong pausedMaxNanos = new AtomicLong();
  private final AtomicLong yieldedNanos = new AtomicLong();

  public Reprocessor(Consumers consumers, GroupDeleter groups, EnrichBatch batch, LiveGate gate,
      BooleanSupplier liveBehind, String topic, String liveGroup, String group, int batchSize, Duration holdTimeout,
      Executor executor, Clock clock) {
    this.consumers = consumers;
    this.groups = groups;
    this.batch = batch;
    this.gate = gate;
    this.liveBehind = liveBehind;
    this.topic = topic;
    this.liveGroup = liveGroup;
    this.group = group;
    this.batchSize = batchSize;
    this.holdTimeout = holdTimeout;
    this.executor = executor;
    this.clock = clock;
  }

  /** For tests: steps to run after each batch is enriched, before the live stage is held. */
  public void hook(Hook hook) {
    this.hook = hook;
  }

  /** A reprocess is under way; another is refused. */
  public static final class RunningException extends RuntimeException {
    RunningException(String phase) {
      super("A reprocess is under way (phase " + phase + "); wait until it is done or failed (GET /api/enrich/reprocess)");
    }
  }

  /** The input topic does not exist (yet): there is nothing to reprocess. */
  public static final class NoTopicException extends RuntimeException {
    NoTopicException(String topic) {
      super("Topic " + topic + " does not exist: there is nothing to reprocess");
    }
  }

  private boolean running() {
    return phase == Phase.SCANNING || phase == Phase.REPROCESSING;
  }

  /**
   * Plans a reprocess of the articles written at or after {@code since} (null: all the topic
   * holds) and starts it in the background; returns its status (phase scanning).
   *
   * @throws RunningException while one is under way
   * @throws NoTopicException without the input topic
   * @throws org.apache.kafka.common.errors.TimeoutException when Kafka does not answer
   */
  public synchronized Status start(Instant since) {
    if (running()) {
      throw new RunningException(phase.label());
    }
    ReprocessPlan planned = plan(since);
    begin(planned, false, Map.of());
    log.info("Reprocess planned: {} records of {} since {} up to the live stage's position {}", planned.records(),
        topic, since == null ? "the log start" : since, new TreeMap<>(planned.upTo()));
    Status accepted = status();
    executor.execute(() -> run(planned, Map.of()));
    return accepted;
  }

  /**
   * Goes on with a reprocess an earlier run of the service started and did not finish (its group's
   * commit metadata holds the plan); nothing when there is none. Runs on the caller's thread.
   */
  public void resume() {
    ReprocessPlan found = null;
    Map<Integer, Long> committed = new HashMap<>();
    try (Consumer<byte[], byte[]> consumer = consumers.create("enrich-reprocess-resume", group, 1)) {
      List<TopicPartition> partitions = partitions(consumer);
      if (partitions.isEmpty()) {
        return;
      }
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : consumer.committed(new HashSet<>(partitions), KAFKA_TIMEOUT)
          .entrySet()) {
        if (e.getValue() != null) {
          committed.put(e.getKey().partition(), e.getValue().offset());
          ReprocessPlan p = ReprocessPlan.parse(e.getValue().metadata());
          if (p != null && found == null) {
            found = p;
          }
        }
      }
    }
    if (found == null) {
      return;
    }
    synchronized (this) {
      if (running()) {
        return;
      }
      begin(found, true, committed);
    }
    log.info("Reprocess started at {} goes on from {} (plan up to {})", found.startedAt(), new TreeMap<>(committed),
        new TreeMap<>(found.upTo()));
    run(found, committed);
  }

  private void begin(ReprocessPlan planned, boolean resuming, Map<Integer, Long> committed) {
    plan = planned;
    resumed = resuming;
    error = null;
    finishedAt = null;
    articles = null;
    positions.clear();
    planned.from().forEach((p, from) -> positions.put(p, Math.max(from, committed.getOrDefault(p, from))));
    scanned.set(0);
    reprocessed.set(0);
    leftToLive.set(0);
    deadLettered.set(0);
    pausedNanos.set(0);
    pausedMaxNanos.set(0);
    yieldedNanos.set(0);
    phase = Phase.SCANNING;
  }

  private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, KAFKA_TIMEOUT);
    List<TopicPartition> partitions = new ArrayList<>();
    if (infos != null) {
      infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
    }
    return partitions;
  }

  /** From {@code since} (or the log start) up to the live group's committed offsets, per partition. */
  private ReprocessPlan plan(Instant since) {
    try (Consumer<byte[], byte[]> live = consumers.create("enrich-reprocess-plan", liveGroup, 1)) {
      List<TopicPartition> partitions = partitions(live);
      if (partitions.isEmpty()) {
        throw new NoTopicException(topic);
      }
      Map<TopicPartition, OffsetAndMetadata> committed = live.committed(new HashSet<>(partitions), KAFKA_TIMEOUT);
      Map<TopicPartition, Long> begin = live.beginningOffsets(partitions, KAFKA_TIMEOUT);
      Map<TopicPartition, OffsetAndTimestamp> at = Map.of();
      if (since != null) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since.toEpochMilli()));
        at = live.offsetsForTimes(query, KAFKA_TIMEOUT);
      }
      Map<Integer, Long> from = new TreeMap<>();
      Map<Integer, Long> upTo = new TreeMap<>();
      for (TopicPartition p : partitions) {
        long start = begin.getOrDefault(p, 0L);
        OffsetAndMetadata c = committed.get(p);
        // without a committed offset the live stage has read nothing here yet: all of it is the live stage's
        long end = c == null ? start : Math.max(start, c.offset());
        long first = start;
        if (since != null) {
          OffsetAndTimestamp found = at.get(p);
          first = found == null ? end : Math.max(start, found.offset());
        }
        from.put(p.partition(), Math.min(first, end));
        upTo.put(p.partition(), end);
      }
      return new ReprocessPlan(since, clock.instant(), from, upTo);
    }
  }

  /** The steps; on the executor (or the resuming thread). */
  void run(ReprocessPlan planned, Map<Integer, Long> committed) {
    try {
      if (committed.isEmpty()) {
        // the plan is kept before any work: a service killed while it scans or waits goes on with it
        commit(planned, planned.from(), planned.metadata());
      }
      LatestOffsets latest = scan(planned);
      articles = (long) latest.articles();
      phase = Phase.REPROCESSING;
      log.info("Reprocess scanned {} records: {} articles to enrich again", scanned.get(), latest.articles());
      reprocess(planned, latest, committed);
      finishedAt = clock.instant();
      phase = Phase.DONE;
      log.info("Reprocess done: {} articles enriched again, {} left to the live stage, {} dead-lettered; live stage"
          + " held {} ms in all; waited {} ms for the live stage", reprocessed.get(), leftToLive.get(),
          deadLettered.get(), pausedNanos.get() / 1_000_000, yieldedNanos.get() / 1_000_000);
      try {
        groups.delete(group);
      } catch (Exception e) {
        log.warn("Reprocess done, but its consumer group {} could not be deleted ({}); it holds no plan any more",
            group, e.getMessage());
      }
    } catch (InterruptedException | InterruptException e) {
      Thread.currentThread().interrupt();
      fail("interrupted (the service is stopping); it goes on from where it stopped when the service starts again");
    } catch (Exception e) {
      fail(e.getMessage() + "; what it did is kept: it goes on from there when the service starts again, a new"
          + " reprocess starts over");
    }
  }

  private void fail(String why) {
    error = "Reprocess failed in phase " + phase.label() + ": " + why;
    finishedAt = clock.instant();
    phase = Phase.FAILED;
    log.warn("{}", error);
  }

  /** Commits these positions in the reprocess's group with the given metadata. */
  private void commit(ReprocessPlan planned, Map<Integer, Long> at, String metadata) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    planned.upTo().keySet().forEach(p -> offsets.put(new TopicPartition(topic, p),
        new OffsetAndMetadata(at.getOrDefault(p, planned.upTo().get(p)), metadata)));
    try (Consumer<byte[], byte[]> consumer = consumers.create("enrich-reprocess-commit", group, 1)) {
      consumer.commitSync(offsets, KAFKA_TIMEOUT);
    }
  }

  /** The offset of each article's last record in the plan. */
  private LatestOffsets scan(ReprocessPlan planned) {
    LatestOffsets latest = new LatestOffsets();
    try (Consumer<byte[], byte[]> consumer = consumers.create("enrich-reprocess-scan", null, 2000)) {
      Map<TopicPartition, Long> left = assign(consumer, planned.from(), planned.upTo());
      while (!left.isEmpty()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> r : records) {
          Long upTo = left.get(new TopicPartition(r.topic(), r.partition()));
          if (upTo != null && r.offset() < upTo && r.key() != null) {
            latest.put(LatestOffsets.hash(r.key()), r.offset(), r.value() == null);
            scanned.incrementAndGet();
          }
        }
        finished(consumer, left);
      }
    }
    return latest;
  }

  /** Assigns the partitions with records between {@code start} and {@code upTo}, positioned at start; returns them with upTo. */
  private Map<TopicPartition, Long> assign(Consumer<byte[], byte[]> consumer, Map<Integer, Long> start,
      Map<Integer, Long> upTo) {
    Map<TopicPartition, Long> left = new HashMap<>();
    upTo.forEach((p, end) -> {
      if (start.getOrDefault(p, end) < end) {
        left.put(new TopicPartition(topic, p), end);
      }
    });
    consumer.assign(left.keySet());
    left.keySet().forEach(p -> consumer.seek(p, start.get(p.partition())));
    return left;
  }

  /** Pauses and drops the partitions read up to their end. */
  private static void finished(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> left) {
    List<TopicPartition> done = new ArrayList<>();
    left.forEach((p, end) -> {
      if (consumer.position(p, KAFKA_TIMEOUT) >= end) {
        done.add(p);
      }
    });
    if (!done.isEmpty()) {
      consumer.pause(done);
      done.forEach(left::remove);
    }
  }

  private void reprocess(ReprocessPlan planned, LatestOffsets latest, Map<Integer, Long> committed) throws Exception {
    Map<Integer, Long> start = new HashMap<>();
    planned.from().forEach((p, from) -> start.put(p, Math.max(from, committed.getOrDefault(p, from))));
    try (Consumer<byte[], byte[]> consumer = consumers.create("enrich-reprocess", group, batchSize);
         Consumer<byte[], byte[]> tail = consumers.create("enrich-reprocess-tail", null, 2000)) {
      Map<TopicPartition, Long> left = assign(consumer, start, planned.upTo());
      Set<TopicPartition> all = new HashSet<>();
      planned.upTo().keySet().forEach(p -> all.add(new TopicPartition(topic, p)));
      tail.assign(all);
      all.forEach(p -> tail.seek(p, planned.upTo().get(p.partition())));
      LatestOffsets liveKeys = new LatestOffsets();
      while (!left.isEmpty()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        List<Consumed> chosen = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          Long upTo = left.get(new TopicPartition(r.topic(), r.partition()));
          if (upTo != null && r.offset() < upTo && r.key() != null && r.value() != null
              && latest.isLatest(LatestOffsets.hash(r.key()), r.offset())) {
            chosen.add(new Consumed(new SourceRecord(r.topic(), r.partition(), r.offset(),
                new String(r.key(), StandardCharsets.UTF_8), r.timestamp()), r.value(), null, null));
          }
        }
        if (!chosen.isEmpty()) {
          write(chosen, tail, all, liveKeys);
        }
        Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e : left.entrySet()) {
          long at = Math.min(consumer.position(e.getKey(), KAFKA_TIMEOUT), e.getValue());
          progress.put(e.getKey(), new OffsetAndMetadata(at, planned.metadata()));
          positions.put(e.getKey().partition(), at);
        }
        consumer.commitSync(progress, KAFKA_TIMEOUT);
        finished(consumer, left);
      }
    }
    commit(planned, planned.upTo(), DONE_METADATA);
    positions.putAll(planned.upTo());
  }

  /** Enriches the batch, then writes it while the live stage is held, without the articles the live stage has newer records of. */
  private void write(List<Consumed> chosen, Consumer<byte[], byte[]> tail, Collection<TopicPartition> all,
      LatestOffsets liveKeys) throws Exception {
    // new articles first: while the live stage or the next one is behind (after a restart, a burst), wait
    while (liveBehind.getAsBoolean()) {
      long yielding = System.nanoTime();
      Thread.sleep(100);
      yieldedNanos.addAndGet(System.nanoTime() - yielding);
    }
    EnrichBatch.Prepared prepared = batch.prepare(chosen);
    prepared.await();
    hook.beforeHold(chosen.stream().map(c -> c.source().key()).toList());
    EnrichBatch.Report[] report = new EnrichBatch.Report[1];
    long nanos = gate.hold(holdTimeout, () -> {
      readToEnd(tail, all, liveKeys);
      report[0] = batch.write(prepared, key -> !liveKeys.contains(LatestOffsets.hash(key)));
    });
    pausedNanos.addAndGet(nanos);
    pausedMaxNanos.accumulateAndGet(nanos, Math::max);
    reprocessed.addAndGet(report[0].enriched());
    leftToLive.addAndGet(report[0].skipped());
    deadLettered.addAndGet(report[0].deadLettered());
  }

  /** Reads the input topic from where it stopped up to its end now, noting each record's key. */
  private static void readToEnd(Consumer<byte[], byte[]> tail, Collection<TopicPartition> all, LatestOffsets keys) {
    Map<TopicPartition, Long> left = new HashMap<>(tail.endOffsets(all, KAFKA_TIMEOUT));
    left.entrySet().removeIf(e -> tail.position(e.getKey(), KAFKA_TIMEOUT) >= e.getValue());
    while (!left.isEmpty()) {
      for (ConsumerRecord<byte[], byte[]> r : tail.poll(Duration.ofMillis(100))) {
        if (r.key() != null) {
          keys.put(LatestOffsets.hash(r.key()), r.offset(), false);
        }
      }
      left.entrySet().removeIf(e -> tail.position(e.getKey(), KAFKA_TIMEOUT) >= e.getValue());
    }
  }

  /** Where the reprocess stands. */
  public Status status() {
    ReprocessPlan p = plan;
    Phase now = phase;
    if (p == null) {
      return new Status(now.label(), error, topic, liveGroup, null, null, null, false, 0, 0, null, 0, null, 0, 0, 0, 0,
          0, 0, List.of());
    }
    List<PartitionStatus> parts = new ArrayList<>();
    long covered = 0;
    for (Map.Entry<Integer, Long> e : new TreeMap<>(p.upTo()).entrySet()) {
      long from = p.from().getOrDefault(e.getKey(), e.getValue());
      long at = now == Phase.DONE ? e.getValue() : now == Phase.SCANNING && !resumed ? from
          : positions.getOrDefault(e.getKey(), from);
      covered += Math.max(0, Math.min(at, e.getValue()) - from);
      parts.add(new PartitionStatus(e.getKey(), from, e.getValue(), at));
    }
    long records = p.records();
    Double percent = records == 0 ? 100.0 : Math.floor(1000.0 * covered / records) / 10.0;
    return new Status(now.label(), error, topic, liveGroup, p.since(), p.startedAt(), finishedAt, resumed, records,
        scanned.get(), articles, covered, percent, reprocessed.get(), leftToLive.get(), deadLettered.get(),
        pausedNanos.get() / 1_000_000, pausedMaxNanos.get() / 1_000_000, yieldedNanos.get() / 1_000_000, parts);
  }
}
