package io.articlepipeline.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.index.indexing.BulkSender.Action;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkSplitTest {

  private static List<Action> actions(int n) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      actions.add(new BulkSender.Upsert("article-" + i, 1, Map.of()));
    }
    return actions;
  }

  @Test
  void aSmallBatchIsOneRequestInOrder() {
    List<int[]> groups = BulkSplit.groups(actions(399), 2, 200);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0)).containsExactly(IntStream.range(0, 399).toArray());
  }

  @Test
  void aLargeBatchIsSplitIntoAtMostParallelismRequestsCoveringEveryActionOnce() {
    List<int[]> groups = BulkSplit.groups(actions(1000), 3, 200);
    assertThat(groups).hasSize(3);
    int[] all = groups.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(all).containsExactly(IntStream.range(0, 1000).toArray());
    for (int[] group : groups) {
      assertThat(group.length).isGreaterThan(200);
      assertThat(group).isSorted();
    }
  }

  @Test
  void everyActionOnOneIdGoesInOneRequestInTheGivenOrder() {
    List<Action> actions = new ArrayList<>(actions(600));
    actions.add(100, new BulkSender.Delete("article-7"));
    actions.add(new BulkSender.Upsert("article-7", 2, Map.of()));
    List<int[]> groups = BulkSplit.groups(actions, 2, 200);
    assertThat(groups).hasSize(2);
    Map<String, Integer> groupOfId = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      int previous = -1;
      for (int index : groups.get(g)) {
        Integer before = groupOfId.putIfAbsent(actions.get(index).id(), g);
        assertThat(before == null || before == g).as("id %s in two requests", actions.get(index).id()).isTrue();
        assertThat(index).isGreaterThan(previous);
        previous = index;
      }
    }
  }

  @Test
  void parallelismOneNeverSplits() {
    assertThat(BulkSplit.groups(actions(5000), 1, 200)).hasSize(1);
  }
}
