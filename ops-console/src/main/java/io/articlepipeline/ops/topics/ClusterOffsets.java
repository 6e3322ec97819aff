package io.articlepipeline.ops.topics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Kafka said at one moment: the offsets of the watched topics and the consumer groups that
 * read them. Plain data, read by {@link KafkaOffsetsReader} and turned into views by
 * {@link LagCalculator}.
 *
 * @param takenAt when the offsets were read
 * @param topics watched topic name to its partitions; a topic that does not exist is absent
 * @param groups consumer groups that read at least one watched topic, or are expected to
 */
public record ClusterOffsets(Instant takenAt, Map<String, List<PartitionOffsets>> topics,
    List<GroupOffsets> groups) {

  public ClusterOffsets {
    topics = Map.copyOf(topics);
    groups = List.copyOf(groups);
  }

  /** The group with this id, if Kafka knows it. */
  public Optional<GroupOffsets> group(String groupId) {
    return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
  }

  /**
   * One partition's log bounds.
   *
   * @param partition partition number
   * @param startOffset first offset still in the log (log start offset)
   * @param endOffset offset the next record will get (high watermark)
   */
  public record PartitionOffsets(int partition, long startOffset, long endOffset) {
  }

  /**
   * A consumer group's state and committed offsets.
   *
   * @param groupId the group id
   * @param state the group state as Kafka names it (STABLE, EMPTY, ...), or NOT_FOUND
   * @param members number of active members
   * @param committed topic to partition to committed offset (only partitions with a commit)
   * @param assignedTopics topics currently assigned to a member of the group
   */
  public record GroupOffsets(String groupId, String state, int members,
      Map<String, Map<Integer, Long>> committed, Set<String> assignedTopics) {

    public GroupOffsets {
      committed = Map.copyOf(committed);
      assignedTopics = Set.copyOf(assignedTopics);
    }

    /** Whether this group reads the topic: it has a commit on it or a member assigned to it. */
    public boolean reads(String topic) {
      return committed.containsKey(topic) || assignedTopics.contains(topic);
    }
  }
}
