package io.articlepipeline.ops.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetSamplerTest {

  @Test
  void sampleHoldsEndOffsetsOfExistingTopicsAndEachGroupsTotalLag() {
    TopicsView view = new TopicsView(Instant.EPOCH, List.of(
        new TopicView("a", true, List.of(), 40, 40, null,
            List.of(new GroupLag("g", "STABLE", 1, 3, List.of()))),
        new TopicView("b", true, List.of(), 10, 10, null,
            List.of(new GroupLag("g", "STABLE", 1, 2, List.of()))),
        new TopicView("missing", false, List.of(), 0, 0, null, List.of())));

    SampleHistory.Sample sample = OffsetSampler.toSample(view);

    assertThat(sample.endOffsets()).containsOnlyKeys("a", "b").containsEntry("a", 40L);
    assertThat(sample.groupLag()).containsEntry("g", 5L);
    assertThat(sample.groupState()).containsEntry("g", "STABLE");
  }
}
