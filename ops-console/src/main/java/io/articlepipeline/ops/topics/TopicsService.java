package io.articlepipeline.ops.topics;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.throughput.SampleHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads offsets from Kafka and builds the topics view with throughput from the sample history. */
@Service
public class TopicsService {

  private final KafkaOffsetsReader reader;
  private final LagCalculator calculator;
  private final SampleHistory history;
  private final List<String> topics;
  private final Map<String, String> groups;
  private final Duration rateWindow;

  public TopicsService(KafkaOffsetsReader reader, SampleHistory history, OpsProperties properties) {
    this.reader = reader;
    this.history = history;
    this.topics = List.copyOf(properties.getTopics());
    this.groups = Map.copyOf(properties.getGroups());
    this.calculator = new LagCalculator(topics, properties.getGroups());
    this.rateWindow = properties.getSampling().getRateWindow();
  }

  /** How many records each watched topic held {@code before} the given instant (from record timestamps). */
  public Map<String, Long> endOffsetTotalsAt(java.time.Instant at) {
    return reader.endOffsetTotalsAt(topics, at);
  }

  /** The rate window messages per second are measured over. */
  public Duration rateWindow() {
    return rateWindow;
  }

  /** The current view, with messages per second from the samples so far. */
  public TopicsView readView() {
    ClusterOffsets offsets = reader.read(topics, groups.keySet());
    return calculator.view(offsets, topic -> history.messagesPerSecond(topic, rateWindow));
  }
}
