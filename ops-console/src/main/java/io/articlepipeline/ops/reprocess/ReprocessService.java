package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.topics.ClusterOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.GroupOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.PartitionOffsets;
import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaOperationException;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaUnavailableException;
import io.articlepipeline.ops.topics.LagCalculator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Rewinds the configured stage (consumer group on its input topic) and reports its progress. */
public class ReprocessService {

  private final GroupRewinder rewinder;
  private final KafkaOffsetsReader reader;
  private final String group;
  private final String topic;
  private final AtomicReference<Rewind> last = new AtomicReference<>();

  public ReprocessService(GroupRewinder rewinder, KafkaOffsetsReader reader, String group,
      String topic) {
    this.rewinder = rewinder;
    this.reader = reader;
    this.group = group;
    this.topic = topic;
  }

  /** Rewinds the group to the log start; see {@link GroupRewinder} for what force does. */
  public ReprocessProgress start(boolean force) {
    try {
      last.set(rewinder.rewind(group, topic, force));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("Interrupted while rewinding " + group, e);
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException("Kafka did not answer in time while rewinding " + group
          + " (pipeline.ops.kafka.timeout)", e);
    } catch (ExecutionException e) {
      throw new KafkaOperationException(e.getCause());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new KafkaOperationException(e);
    }
    return progress();
  }

  /** Progress of the last rewind (or the plain lag if there was none since start-up). */
  public ReprocessProgress progress() {
    ClusterOffsets offsets = reader.read(List.of(topic), List.of(group));
    List<PartitionOffsets> partitions = offsets.topics().getOrDefault(topic, List.of());
    Map<Integer, Long> start = new HashMap<>();
    Map<Integer, Long> end = new HashMap<>();
    partitions.forEach(p -> {
      start.put(p.partition(), p.startOffset());
      end.put(p.partition(), p.endOffset());
    });
    GroupOffsets g = offsets.group(group).orElse(null);
    Map<Integer, Long> committed = g == null ? Map.of() : g.committed().getOrDefault(topic, Map.of());
    return ReprocessProgress.of(group, topic, g == null ? LagCalculator.NOT_FOUND : g.state(),
        g == null ? 0 : g.members(), last.get(), committed, start, end);
  }
}
