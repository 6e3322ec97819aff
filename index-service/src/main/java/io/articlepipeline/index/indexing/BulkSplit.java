package io.articlepipeline.index.indexing;

import java.util.ArrayList;
import java.util.List;

/**
 * How one batch's actions are split into bulk requests sent at the same time. Elasticsearch runs
 * one bulk request on one write thread per shard, so a single request at a time leaves a core idle
 * while our own thread waits; requests in parallel use both. Actions on the same id always land in
 * the same request, in the order given, so a delete and a re-submission of one article never race.
 */
final class BulkSplit {

  private BulkSplit() {
  }

  /**
   * The positions in {@code actions} of each request: at most {@code parallelism} groups, and one
   * group (everything) when fewer than {@code minPerRequest} actions would go in each.
   */
  static List<int[]> groups(List<? extends BulkSender.Action> actions, int parallelism, int minPerRequest) {
    int n = Math.max(1, Math.min(parallelism, actions.size() / Math.max(1, minPerRequest)));
    if (n == 1) {
      int[] all = new int[actions.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return List.of(all);
    }
    int[] groupOf = new int[actions.size()];
    int[] sizes = new int[n];
    for (int i = 0; i < actions.size(); i++) {
      groupOf[i] = Math.floorMod(actions.get(i).id().hashCode(), n);
      sizes[groupOf[i]]++;
    }
    int[][] groups = new int[n][];
    for (int g = 0; g < n; g++) {
      groups[g] = new int[sizes[g]];
    }
    int[] filled = new int[n];
    for (int i = 0; i < groupOf.length; i++) {
      int g = groupOf[i];
      groups[g][filled[g]++] = i;
    }
    List<int[]> result = new ArrayList<>(n);
    for (int[] group : groups) {
      if (group.length > 0) {
        result.add(group);
      }
    }
    return result;
  }
}
