package io.articlepipeline.ops.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.OpsProperties;
import io.articlepipeline.ops.metrics.OpsMetrics;
import io.articlepipeline.ops.topics.TopicsService;
import io.articlepipeline.ops.topics.TopicsView;
import io.articlepipeline.ops.topics.TopicsView.GroupLag;
import io.articlepipeline.ops.topics.TopicsView.TopicView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

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

  @TempDir
  Path dir;

  /** Topics whose end offset grows by 50 every sample, five seconds apart, from a given time. */
  private static final class FakeTopics extends TopicsService {
    Instant now;
    long end = 1000;
    final List<Instant> seededAt = new ArrayList<>();

    FakeTopics(Instant start) {
      super(null, new SampleHistory(Duration.ofMinutes(15)), new OpsProperties());
      this.now = start;
    }

    @Override
    public TopicsView readView() {
      TopicsView view = new TopicsView(now, List.of(new TopicView("articles.submitted", true, List.of(), end, end,
          null, List.of(new GroupLag("enrich", "STABLE", 1, end / 100, List.of())))));
      now = now.plusSeconds(5);
      end += 50;
      return view;
    }

    @Override
    public Map<String, Long> endOffsetTotalsAt(Instant at) {
      seededAt.add(at);
      return Map.of("articles.submitted", 0L);
    }
  }

  private static OffsetSampler sampler(FakeTopics topics, SampleHistory history, SampleStore store) {
    return new OffsetSampler(topics, history, new OpsMetrics(new SimpleMeterRegistry()), store);
  }

  @Test
  void aRestartedConsoleHasItsTrendAndThroughputBackFromTheFile() {
    Path file = dir.resolve("samples.jsonl");
    Instant t0 = Instant.parse("2026-11-28T12:00:00Z");
    FakeTopics before = new FakeTopics(t0);
    OffsetSampler first = sampler(before, new SampleHistory(Duration.ofMinutes(15)), new SampleStore(file, JSON));
    for (int i = 0; i < 4; i++) {
      first.sample();
    }

    FakeTopics after = new FakeTopics(t0.plusSeconds(30));
    after.end = 1400;
    SampleHistory history = new SampleHistory(Duration.ofMinutes(15));
    sampler(after, history, new SampleStore(file, JSON)).sample();

    assertThat(history.trend("enrich")).extracting(SampleHistory.TrendPoint::lag).containsExactly(10L, 10L, 11L, 11L, 14L);
    // the restored samples lie inside the rate window: no guess from record timestamps is needed
    assertThat(after.seededAt).isEmpty();
    assertThat(history.messagesPerSecond("articles.submitted", Duration.ofMinutes(1))).isEqualTo(400.0 / 30);
  }

  @Test
  void withoutRecentSamplesTheRateStartsFromRecordTimestamps() {
    Path file = dir.resolve("samples.jsonl");
    Instant t0 = Instant.parse("2026-11-28T12:00:00Z");
    sampler(new FakeTopics(t0), new SampleHistory(Duration.ofMinutes(15)), new SampleStore(file, JSON)).sample();

    FakeTopics after = new FakeTopics(t0.plus(Duration.ofMinutes(10)));
    SampleHistory history = new SampleHistory(Duration.ofMinutes(15));
    sampler(after, history, new SampleStore(file, JSON)).sample();

    assertThat(after.seededAt).containsExactly(t0.plus(Duration.ofMinutes(9)));
    assertThat(history.trend("enrich")).hasSize(2);
    assertThat(history.samples()).extracting(SampleHistory.Sample::at)
        .containsExactly(t0, t0.plus(Duration.ofMinutes(9)), t0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aFileThatCannotBeWrittenDoesNotStopSampling() throws Exception {
    Path notADirectory = dir.resolve("file");
    java.nio.file.Files.writeString(notADirectory, "x");
    SampleHistory history = new SampleHistory(Duration.ofMinutes(15));
    OffsetSampler sampler = sampler(new FakeTopics(Instant.parse("2026-11-28T12:00:00Z")), history,
        new SampleStore(notADirectory.resolve("samples.jsonl"), JSON));

    sampler.sample();
    sampler.sample();

    assertThat(history.trend("enrich")).hasSize(2);
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
}
