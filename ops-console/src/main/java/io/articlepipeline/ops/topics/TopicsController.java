package io.articlepipeline.ops.topics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/topics}: partitions, offsets, throughput and consumer lag per topic. */
@RestController
public class TopicsController {

  private final TopicsService topics;

  public TopicsController(TopicsService topics) {
    this.topics = topics;
  }

  @GetMapping("/api/ops/topics")
  public TopicsView topics() {
    return topics.readView();
  }
}
