package io.articlepipeline.ops.reprocess;

import java.time.Instant;
import java.util.Map;

/**
 * A rewind the console performed: the group's offsets on the topic were set to the log start.
 *
 * @param group the consumer group
 * @param topic the topic
 * @param at when the offsets were moved
 * @param startOffsets partition to the offset the group was rewound to
 * @param endOffsets partition to the end offset at the time of the rewind: reprocessing is
 *     complete once the group has committed at least these
 */
public record Rewind(String group, String topic, Instant at,
    Map<Integer, Long> startOffsets, Map<Integer, Long> endOffsets) {

  public Rewind {
    startOffsets = Map.copyOf(startOffsets);
    endOffsets = Map.copyOf(endOffsets);
  }
}
