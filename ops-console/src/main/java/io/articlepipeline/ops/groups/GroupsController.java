package io.articlepipeline.ops.groups;

import io.articlepipeline.ops.groups.GroupsView.Group;
import io.articlepipeline.ops.groups.GroupsView.TopicLag;
import io.articlepipeline.ops.throughput.SampleHistory;
import io.articlepipeline.ops.topics.TopicsService;
import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/groups}: consumer groups with state, lag per partition and trend. */
@RestController
public class GroupsController {

  private final TopicsService topics;
  private final SampleHistory history;

  public GroupsController(TopicsService topics, SampleHistory history) {
    this.topics = topics;
    this.history = history;
  }

  @GetMapping("/api/ops/groups")
  public GroupsView groups() {
    return byGroup(topics.readView(), history);
  }

  /** Regroups the topics view by consumer group and adds each group's trend. */
  static GroupsView byGroup(TopicsView view, SampleHistory history) {
    Map<String, List<TopicLag>> lags = new LinkedHashMap<>();
    Map<String, GroupLag> latest = new LinkedHashMap<>();
    for (TopicView topic : view.topics()) {
      for (GroupLag g : topic.groups()) {
        lags.computeIfAbsent(g.group(), k -> new ArrayList<>())
            .add(new TopicLag(topic.topic(), g.totalLag(), g.partitions()));
        latest.putIfAbsent(g.group(), g);
      }
    }
    List<Group> groups = new ArrayList<>();
    lags.forEach((name, topicLags) -> {
      GroupLag g = latest.get(name);
      long total = topicLags.stream().mapToLong(TopicLag::totalLag).sum();
      groups.add(new Group(name, g.state(), g.members(), total, topicLags, history.trend(name)));
    });
    return new GroupsView(view.takenAt(), groups);
  }
}
