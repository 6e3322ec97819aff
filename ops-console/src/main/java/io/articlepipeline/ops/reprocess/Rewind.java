package io.articlepipeline.ops.reprocess;

import java.time.Instant;
import java.util.Map;

/**
 * A rewind the console performed: the group's offsets on the topic were set back to the log
 * start, or to the first record written at or after {@code since}.
 *
 * @param group the consumer group
 * @param topic the topic
 * @param at when the offsets were moved
 * @param since the earliest record time reprocessed; null: from the log start
 * @param startOffsets partition to the offset the group was rewound to (where the group had not
 *     yet read that far, the offset it was at: a rewind never skips a record)
 * @param endOffsets partition to the end offset at the time of the rewind: reprocessing is
 *     complete once the group has committed at least these
 */
public record Rewind(String group, String topic, Instant at, Instant since,
    Map<Integer, Long> startOffsets, Map<Integer, Long> endOffsets) {

  public Rewind {
    startOffsets = Map.copyOf(startOffsets);
    endOffsets = Map.copyOf(endOffsets);
  }
}
