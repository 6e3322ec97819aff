package io.articlepipeline.ops.throughput;

import io.articlepipeline.ops.metrics.OpsMetrics;
import io.articlepipeline.ops.topics.TopicsService;
import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Samples end offsets and lag every {@code pipeline.ops.sampling.interval} into the history. */
@Component
public class OffsetSampler {

  private static final Logger log = LoggerFactory.getLogger(OffsetSampler.class);

  private final TopicsService topics;
  private final SampleHistory history;
  private final OpsMetrics metrics;
  private volatile boolean lastFailed;
  private boolean seeded;

  public OffsetSampler(TopicsService topics, SampleHistory history, OpsMetrics metrics) {
    this.topics = topics;
    this.history = history;
    this.metrics = metrics;
  }

  @Scheduled(fixedDelayString = "${pipeline.ops.sampling.interval:5s}", initialDelay = 0)
  public void sample() {
    try {
      TopicsView view = topics.readView();
      if (!seeded) {
        seed(view);
      }
      history.add(toSample(view));
      metrics.record(view);
      metrics.sampled(true);
      if (lastFailed) {
        log.info("Offset sampling works again");
      }
      lastFailed = false;
    } catch (RuntimeException e) {
      metrics.sampled(false);
      // Kafka may be down for a while; say so once, not every interval.
      if (!lastFailed) {
        log.warn("Offset sampling failed, will keep trying: {}", e.getMessage());
      }
      lastFailed = true;
    }
  }

  /**
   * After a start the history is empty, so there would be no throughput for a rate window. The
   * topics' record timestamps say how many records each held one window ago: that is the first
   * sample (it carries no lag: a group's committed offsets have no history in Kafka).
   */
  private void seed(TopicsView view) {
    java.time.Instant then = view.takenAt().minus(topics.rateWindow());
    try {
      history.add(new SampleHistory.Sample(then, topics.endOffsetTotalsAt(then), Map.of(), Map.of()));
    } catch (RuntimeException e) {
      log.info("No throughput from before the start (record timestamps unreadable): {}", e.getMessage());
    }
    seeded = true;
  }

  static SampleHistory.Sample toSample(TopicsView view) {
    Map<String, Long> ends = new HashMap<>();
    Map<String, Long> lag = new HashMap<>();
    Map<String, String> state = new HashMap<>();
    for (TopicView topic : view.topics()) {
      if (topic.exists()) {
        ends.put(topic.topic(), topic.endOffsetTotal());
      }
      for (GroupLag group : topic.groups()) {
        lag.merge(group.group(), group.totalLag(), Long::sum);
        state.put(group.group(), group.state());
      }
    }
    return new SampleHistory.Sample(view.takenAt(), ends, lag, state);
  }
}
