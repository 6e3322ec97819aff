package io.articlepipeline.ops.throughput;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Periodic samples of topic end offsets and group lag, kept in memory for a bounded window.
 * Messages per second are the growth of a topic's end offsets between the oldest sample inside
 * the rate window and the newest one. Thread-safe; no I/O ({@link SampleStore} keeps the samples
 * across restarts).
 */
public final class SampleHistory {

  private final Duration keep;
  private final Deque<Sample> samples = new ArrayDeque<>();

  /** @param keep how long samples are kept (the trend window); older ones are dropped */
  public SampleHistory(Duration keep) {
    this.keep = keep;
  }

  /**
   * One sample.
   *
   * @param at when it was taken
   * @param endOffsets topic to the sum of its partitions' end offsets
   * @param groupLag consumer group to its total lag on the watched topics
   * @param groupState consumer group to its state
   */
  public record Sample(Instant at, Map<String, Long> endOffsets, Map<String, Long> groupLag,
      Map<String, String> groupState) {

    public Sample {
      endOffsets = Map.copyOf(endOffsets);
      groupLag = Map.copyOf(groupLag);
      groupState = Map.copyOf(groupState);
    }
  }

  /**
   * A point of a group's lag trend.
   *
   * @param at when it was sampled
   * @param lag total lag then
   * @param state group state then
   */
  public record TrendPoint(Instant at, long lag, String state) {
  }

  /** Adds a sample and forgets those older than the trend window. */
  public synchronized void add(Sample sample) {
    samples.addLast(sample);
    Instant oldest = sample.at().minus(keep);
    while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
      samples.removeFirst();
    }
  }

  /**
   * Records written per second to a topic over the window ending at the newest sample, or null
   * when fewer than two samples of the topic lie in the window.
   */
  public synchronized Double messagesPerSecond(String topic, Duration window) {
    Sample newest = samples.peekLast();
    if (newest == null || !newest.endOffsets().containsKey(topic)) {
      return null;
    }
    Instant from = newest.at().minus(window);
    Sample first = null;
    for (Sample s : samples) {
      if (!s.at().isBefore(from) && s.endOffsets().containsKey(topic)) {
        first = s;
        break;
      }
    }
    if (first == null || first == newest) {
      return null;
    }
    double seconds = Duration.between(first.at(), newest.at()).toMillis() / 1000.0;
    // A deleted and re-created topic starts again at 0; that is not negative throughput.
    long grown = Math.max(0, newest.endOffsets().get(topic) - first.endOffsets().get(topic));
    return seconds <= 0 ? null : grown / seconds;
  }

  /** The lag trend of a group, oldest first. */
  public synchronized List<TrendPoint> trend(String group) {
    List<TrendPoint> points = new ArrayList<>();
    for (Sample s : samples) {
      Long lag = s.groupLag().get(group);
      if (lag != null) {
        points.add(new TrendPoint(s.at(), lag, s.groupState().get(group)));
      }
    }
    return points;
  }

  /** The samples held, oldest first. */
  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** When the newest sample was taken, or null when there is none. */
  public synchronized Instant newestAt() {
    return samples.isEmpty() ? null : samples.peekLast().at();
  }

  /** How long samples are kept. */
  public Duration window() {
    return keep;
  }

  /** Number of samples held. */
  public synchronized int size() {
    return samples.size();
  }
}
