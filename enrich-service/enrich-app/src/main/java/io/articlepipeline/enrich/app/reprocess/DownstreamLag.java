package io.articlepipeline.enrich.app.reprocess;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the stage after this one (the index stage's group on the output topic) is more than
 * {@code maxLag} records behind. A reprocess writes into the topic new articles go through too:
 * left unchecked it would put tens of thousands of records ahead of them there, so it waits while
 * the next stage is that far behind. Asked at most every {@code every}; a lag it cannot read (Kafka
 * slow, the group unknown) does not hold the reprocess up.
 */
final class DownstreamLag implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DownstreamLag.class);

  private final Admin admin;
  private final String group;
  private final String topic;
  private final long maxLag;
  private final long everyNanos;
  private long checkedAt;
  private boolean behind;
  private boolean warned;

  DownstreamLag(Admin admin, String group, String topic, long maxLag, Duration every) {
    this.admin = admin;
    this.group = group;
    this.topic = topic;
    this.maxLag = maxLag;
    this.everyNanos = every.toNanos();
    this.checkedAt = System.nanoTime() - everyNanos;
  }

  synchronized boolean behind() {
    if (System.nanoTime() - checkedAt < everyNanos) {
      return behind;
    }
    checkedAt = System.nanoTime();
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> query = new HashMap<>();
      committed.keySet().stream().filter(p -> p.topic().equals(topic)).forEach(p -> query.put(p, OffsetSpec.latest()));
      long lag = 0;
      if (!query.isEmpty()) {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(query).all()
            .get(5, TimeUnit.SECONDS);
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
          OffsetAndMetadata c = committed.get(e.getKey());
          lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
        }
      }
      behind = lag > maxLag;
      warned = false;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (!warned) {
        log.warn("Could not read group {}'s lag on {} ({}); the reprocess goes on without waiting for it", group, topic,
            e.getMessage());
        warned = true;
      }
      behind = false;
    }
    return behind;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
