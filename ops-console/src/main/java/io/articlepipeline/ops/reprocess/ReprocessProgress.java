package io.articlepipeline.ops.reprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where a reprocess stands and how far the rewound group has come: of the records that existed at
 * the rewind, how many it has committed again. No I/O.
 *
 * @param phase {@code idle} (none since the console started), {@code stopping} (the stage's input
 *     binding is stopped and its group left empty), {@code rewinding}, {@code resuming} (the
 *     binding is started again), {@code catching up}, {@code done} or {@code failed}
 * @param error why it failed (and whether the binding could be started again), null otherwise
 * @param group the consumer group
 * @param topic the topic
 * @param state group state now
 * @param members active members now
 * @param rewind the last rewind this console performed, null if none since it started
 * @param toReprocess records between the rewind's start and end offsets
 * @param reprocessed of those, records the group has committed since
 * @param percent reprocessed / toReprocess in percent (100 when there was nothing to do), null
 *     without a rewind
 * @param lag records the group still has to read now (end offset − committed offset)
 * @param caughtUp true once the group committed up to the rewind's end offsets
 * @param partitions per-partition detail
 */
public record ReprocessProgress(String phase, String error, String group, String topic, String state, int members,
    Rewind rewind, long toReprocess, long reprocessed, Double percent, long lag,
    boolean caughtUp, List<PartitionProgress> partitions) {

  /**
   * One partition.
   *
   * @param partition partition number
   * @param rewoundTo offset the rewind set, null without a rewind
   * @param endAtRewind end offset at the rewind, null without a rewind
   * @param committed committed offset now, null if none
   * @param end end offset now
   * @param lag end − committed (end − rewoundTo when nothing is committed)
   */
  public record PartitionProgress(int partition, Long rewoundTo, Long endAtRewind, Long committed,
      long end, long lag) {
  }

  /** Computes progress from the rewind (may be null) and the offsets now. */
  public static ReprocessProgress of(String group, String topic, String state, int members,
      Rewind rewind, Map<Integer, Long> committed, Map<Integer, Long> start,
      Map<Integer, Long> end) {
    long toDo = 0;
    long done = 0;
    long lag = 0;
    boolean caughtUp = true;
    List<PartitionProgress> partitions = new ArrayList<>();
    TreeSet<Integer> all = new TreeSet<>(end.keySet());
    if (rewind != null) {
      all.addAll(rewind.endOffsets().keySet());
    }
    for (int p : all) {
      Long c = committed.get(p);
      if (!end.containsKey(p)) {
        // a rewound partition whose offsets Kafka did not give this time (a topic briefly unknown
        // to the broker answering): its work still counts, and it is not caught up until seen
        long endAtRewind = rewind.endOffsets().get(p);
        long from = rewind.startOffsets().getOrDefault(p, 0L);
        toDo += Math.max(0, endAtRewind - from);
        done += c == null ? 0 : Math.max(0, Math.min(c, endAtRewind) - from);
        caughtUp = false;
        continue;
      }
      long endNow = end.get(p);
      long from = rewind != null && rewind.startOffsets().containsKey(p)
          ? rewind.startOffsets().get(p) : start.getOrDefault(p, 0L);
      long partitionLag = Math.max(0, endNow - (c == null ? from : Math.max(c, from)));
      lag += partitionLag;
      Long endAtRewind = rewind == null ? null : rewind.endOffsets().get(p);
      if (endAtRewind != null) {
        toDo += Math.max(0, endAtRewind - from);
        done += c == null ? 0 : Math.max(0, Math.min(c, endAtRewind) - from);
        caughtUp &= c != null ? c >= endAtRewind : endAtRewind <= from;
      } else {
        caughtUp &= partitionLag == 0;
      }
      partitions.add(new PartitionProgress(p, rewind == null ? null : from, endAtRewind, c,
          endNow, partitionLag));
    }
    Double percent = rewind == null ? null
        : toDo == 0 ? 100.0 : Math.floor(1000.0 * done / toDo) / 10.0;
    return new ReprocessProgress("idle", null, group, topic, state, members, rewind, toDo, done,
        percent, lag, caughtUp, partitions);
  }

  /** The same progress in another phase. */
  public ReprocessProgress withPhase(String newPhase, String newError) {
    return new ReprocessProgress(newPhase, newError, group, topic, state, members, rewind,
        toReprocess, reprocessed, percent, lag, caughtUp, partitions);
  }
}
