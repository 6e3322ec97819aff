package io.articlepipeline.ops.throughput;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.metrics.OpsMetrics;
import io.articlepipeline.ops.topics.TopicsService;
import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Samples end offsets and lag every {@code pipeline.ops.sampling.interval} into the history, and,
 * with {@code pipeline.ops.sampling.history-file} set, into that file, from which the history is
 * restored at the next start.
 */
@Component
public class OffsetSampler {

  private static final Logger log = LoggerFactory.getLogger(OffsetSampler.class);

  private final TopicsService topics;
  private final SampleHistory history;
  private final OpsMetrics metrics;
  private final SampleStore store;
  private volatile boolean lastFailed;
  private boolean storeFailed;
  private boolean started;

  @Autowired
  public OffsetSampler(TopicsService topics, SampleHistory history, OpsMetrics metrics,
      OpsProperties properties, JsonMapper json) {
    this(topics, history, metrics, store(properties.getSampling().getHistoryFile(), json));
  }

  OffsetSampler(TopicsService topics, SampleHistory history, OpsMetrics metrics, SampleStore store) {
    this.topics = topics;
    this.history = history;
    this.metrics = metrics;
    this.store = store;
  }

  private static SampleStore store(String file, JsonMapper json) {
    return file == null || file.isBlank() ? null : new SampleStore(Path.of(file), json);
  }

  @Scheduled(fixedDelayString = "${pipeline.ops.sampling.interval:5s}", initialDelay = 0)
  public void sample() {
    try {
      TopicsView view = topics.readView();
      if (!started) {
        start(view.takenAt());
      }
      SampleHistory.Sample sample = toSample(view);
      history.add(sample);
      persist(sample);
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
   * After a start: the stored samples of the trend window come back first. When none of them is
   * recent enough for a rate, the topics' record timestamps say how many records each held one
   * rate window ago: that is the next sample (it carries no lag: a group's committed offsets have
   * no history in Kafka).
   */
  private void start(Instant now) {
    started = true;
    if (store != null) {
      try {
        List<SampleHistory.Sample> stored = store.load(now.minus(history.window()));
        for (SampleHistory.Sample s : stored) {
          if (s.at().isBefore(now)) {
            history.add(s);
          }
        }
        log.info("Restored {} sample(s) of the last {} min from {}", history.size(), history.window().toMinutes(),
            store.file());
      } catch (RuntimeException e) {
        log.warn("Could not restore the samples, starting without history: {}", e.getMessage());
      }
    }
    Instant then = now.minus(topics.rateWindow());
    Instant newest = history.newestAt();
    if (newest != null && !newest.isBefore(then)) {
      return;
    }
    try {
      history.add(new SampleHistory.Sample(then, topics.endOffsetTotalsAt(then), Map.of(), Map.of()));
    } catch (RuntimeException e) {
      log.info("No throughput from before the start (record timestamps unreadable): {}", e.getMessage());
    }
  }

  /** Appends the sample to the store; trims the file to the window now and then. A disk problem is logged once. */
  private void persist(SampleHistory.Sample sample) {
    if (store == null) {
      return;
    }
    try {
      store.append(sample);
      if (store.dueForRewrite(history.size())) {
        store.rewrite(history.samples());
      }
      if (storeFailed) {
        log.info("Samples are written to {} again", store.file());
      }
      storeFailed = false;
    } catch (RuntimeException e) {
      if (!storeFailed) {
        log.warn("Could not write the sample to {} (the trend will not survive a restart): {}",
            store.file(), e.getMessage());
      }
      storeFailed = true;
    }
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
