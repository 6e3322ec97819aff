package io.articlepipeline.ops.metrics;

import io.articlepipeline.ops.deadletters.ReplayReport.Status;
import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The console's own metrics, exported at /actuator/prometheus:
 * {@code pipeline_ops_topic_end_offset{topic}}, {@code pipeline_ops_topic_retained_records{topic}}
 * (for a dead-letter topic: its dead letters), {@code pipeline_ops_consumer_lag{group,topic}},
 * {@code pipeline_ops_topic_messages_per_second{topic}},
 * {@code pipeline_ops_dead_letters_replayed_total{topic,status}} and
 * {@code pipeline_ops_samples_total{outcome}}.
 */
@Component
public class OpsMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
  private final Map<String, Double> rates = new ConcurrentHashMap<>();

  public OpsMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front so the series exist (at 0) before the first sampling round ends.
    samples(true);
    samples(false);
  }

  /** Counts one dead letter's replay outcome. */
  public void replayed(String topic, Status status) {
    Counter.builder("pipeline.ops.dead.letters.replayed")
        .description("Dead letters the console was asked to replay, by outcome")
        .tag("topic", topic).tag("status", status.name())
        .register(registry).increment();
  }

  /** Counts a sampling round of the offsets. */
  public void sampled(boolean ok) {
    samples(ok).increment();
  }

  private Counter samples(boolean ok) {
    return Counter.builder("pipeline.ops.samples")
        .description("Offset sampling rounds, by outcome")
        .tag("outcome", ok ? "ok" : "failed")
        .register(registry);
  }

  /** Publishes end offsets, throughput and lag of the latest view as gauges. */
  public void record(TopicsView view) {
    for (TopicView topic : view.topics()) {
      if (!topic.exists()) {
        continue;
      }
      gauge("pipeline.ops.topic.end.offset", "Sum of the topic's partition end offsets",
          topic.endOffsetTotal(), "topic", topic.topic());
      gauge("pipeline.ops.topic.retained.records", "Records still in the topic (end minus start offsets)",
          topic.retainedRecords(), "topic", topic.topic());
      if (topic.messagesPerSecond() != null) {
        String key = topic.topic();
        if (rates.put(key, topic.messagesPerSecond()) == null) {
          Gauge.builder("pipeline.ops.topic.messages.per.second", rates,
                  m -> m.getOrDefault(key, 0.0))
              .description("Records written per second over the rate window")
              .tag("topic", key).register(registry);
        }
      }
      for (GroupLag group : topic.groups()) {
        gauge("pipeline.ops.consumer.lag", "Records the group has still to read on the topic",
            group.totalLag(), "group", group.group(), "topic", topic.topic());
      }
    }
  }

  private void gauge(String name, String description, long value, String... tags) {
    String key = name + String.join("|", tags);
    values.computeIfAbsent(key, k -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(name, holder, AtomicLong::get).description(description).tags(tags)
          .register(registry);
      return holder;
    }).set(value);
  }
}
