package io.articlepipeline.ops.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.throughput.SampleHistory;
import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.LagBasis;
import io.articlepipeline.ops.topics.TopicsView.PartitionLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupsControllerTest {

  @Test
  void regroupsLagByGroupWithItsTrend() {
    SampleHistory history = new SampleHistory(Duration.ofMinutes(5));
    history.add(new SampleHistory.Sample(Instant.EPOCH, Map.of(), Map.of("enrich", 9L),
        Map.of("enrich", "STABLE")));
    PartitionLag p0 = new PartitionLag(0, 10, 7L, 3, LagBasis.COMMITTED);
    TopicsView view = new TopicsView(Instant.EPOCH.plusSeconds(5), List.of(
        new TopicView("articles.submitted", true, List.of(), 10, 10, null,
            List.of(new GroupLag("enrich", "STABLE", 1, 3, List.of(p0)))),
        new TopicView("articles.enriched", true, List.of(), 4, 4, null,
            List.of(new GroupLag("index", "EMPTY", 0, 4, List.of())))));

    GroupsView groups = GroupsController.byGroup(view, history);

    assertThat(groups.groups()).extracting(GroupsView.Group::group).containsExactly("enrich", "index");
    assertThat(groups.groups().get(0).totalLag()).isEqualTo(3);
    assertThat(groups.groups().get(0).topics().get(0).partitions()).containsExactly(p0);
    assertThat(groups.groups().get(0).trend()).extracting(SampleHistory.TrendPoint::lag)
        .containsExactly(9L);
    assertThat(groups.groups().get(1).state()).isEqualTo("EMPTY");
  }
}
