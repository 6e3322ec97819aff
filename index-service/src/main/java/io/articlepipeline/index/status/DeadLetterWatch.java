package io.articlepipeline.index.status;

import io.articlepipeline.support.deadletter.DeadLetterReader;
import io.articlepipeline.support.deadletter.DeadLetterView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the dead-letter topics from the beginning and keeps the newest failure of each article
 * id (read with the shared {@link DeadLetterReader}), so a status poll can say that, and why, a
 * revision failed. No consumer group: it reads, never commits, and starts over after a restart.
 */
public class DeadLetterWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterWatch.class);
  /** Most distinct article ids remembered; the oldest are forgotten first. */
  static final int MAX_ARTICLES = 100_000;
  static final int MAX_REASON = 500;

  private final List<String> topics;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final DeadLetterReader reader;
  private final Map<String, Failure> newest = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
      return size() > MAX_ARTICLES;
    }
  };
  private volatile boolean running;
  private volatile Consumer<byte[], byte[]> consumer;
  private Thread thread;

  /**
   * @param topics    the dead-letter topics to follow
   * @param consumers makes a consumer without a group id (bytes in)
   * @param reader    reads each dead letter, decoding its revision
   */
  public DeadLetterWatch(List<String> topics, Supplier<Consumer<byte[], byte[]>> consumers, DeadLetterReader reader) {
    this.topics = List.copyOf(topics);
    this.consumers = consumers;
    this.reader = reader;
  }

  /** The newest failure of this article id, if any was seen. */
  public Optional<Failure> newest(String id) {
    synchronized (newest) {
      return Optional.ofNullable(newest.get(id));
    }
  }

  /** Takes one dead-letter record into account; records without a key (an article id) are skipped. */
  void accept(ConsumerRecord<byte[], byte[]> record) {
    DeadLetterView view = reader.read(record);
    if (view.key() == null) {
      return;
    }
    String reason = view.reason();
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON) + "…";
    }
    Failure failure = new Failure(view.stage() == null ? "unknown" : view.stage(), reason, view.topic(),
        view.revision(), view.timestamp());
    synchronized (newest) {
      Failure known = newest.get(view.key());
      // dead letters arrive in time order; a replayed old revision does not hide a newer failure
      if (known == null || known.revision() == null || failure.revision() == null
          || failure.revision() >= known.revision()) {
        newest.put(view.key(), failure);
      }
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "dead-letter-watch");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Consumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try (Consumer<byte[], byte[]> c = consumers.get()) {
        consumer = c;
        follow(c);
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("reading the dead-letter topics failed, retrying in 5 s: {}", e.toString());
        sleep(5_000);
      } finally {
        consumer = null;
      }
    }
  }

  private void follow(Consumer<byte[], byte[]> c) {
    Set<TopicPartition> assigned = new HashSet<>();
    long nextRefresh = 0;
    while (running) {
      if (System.currentTimeMillis() >= nextRefresh) {
        // topics and partitions appear when the first dead letter is written: look again now and then
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
          List<PartitionInfo> partitions = c.partitionsFor(topic, Duration.ofSeconds(10));
          if (partitions != null) {
            partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
          }
        }
        if (!assigned.containsAll(all)) {
          List<TopicPartition> added = all.stream().filter(tp -> !assigned.contains(tp)).toList();
          assigned.addAll(all);
          c.assign(assigned);
          c.seekToBeginning(added);
        }
        nextRefresh = System.currentTimeMillis() + 10_000;
      }
      if (assigned.isEmpty()) {
        sleep(1_000);
        continue;
      }
      for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(500))) {
        accept(record);
      }
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
