package io.articlepipeline.ops.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.throughput.SampleHistory.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SampleStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  private static Sample sample(int seconds, long end, long lag) {
    return new Sample(T0.plusSeconds(seconds), Map.of("articles.submitted", end), Map.of("enrich", lag),
        Map.of("enrich", "STABLE"));
  }

  @Test
  void appendedSamplesComeBackInANewStoreOnTheSameFile() {
    Path file = dir.resolve("ops/samples.jsonl");
    SampleStore store = new SampleStore(file, JSON);
    store.append(sample(0, 10, 3));
    store.append(sample(5, 20, 1));

    assertThat(new SampleStore(file, JSON).load(T0)).containsExactly(sample(0, 10, 3), sample(5, 20, 1));
  }

  @Test
  void samplesOlderThanTheWindowAreNotLoaded() {
    SampleStore store = new SampleStore(dir.resolve("s.jsonl"), JSON);
    store.append(sample(0, 10, 3));
    store.append(sample(60, 20, 1));

    assertThat(store.load(T0.plusSeconds(30))).containsExactly(sample(60, 20, 1));
  }

  @Test
  void unreadableLinesAreSkippedNotFatal() throws Exception {
    Path file = dir.resolve("s.jsonl");
    SampleStore store = new SampleStore(file, JSON);
    store.append(sample(0, 10, 3));
    Files.writeString(file, "not json\n{\"at\":\"yesterday\"}\n{\"endOffsets\":{}}\n{\"at\":\"2026-11-28T12:",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    assertThat(store.load(T0)).containsExactly(sample(0, 10, 3));
  }

  @Test
  void noFileIsNoHistory() {
    assertThat(new SampleStore(dir.resolve("absent/s.jsonl"), JSON).load(T0)).isEmpty();
  }

  @Test
  void rewriteKeepsExactlyTheGivenSamplesAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("s.jsonl");
    SampleStore store = new SampleStore(file, JSON);
    for (int i = 0; i < 20; i++) {
      store.append(sample(i, i, 0));
    }
    assertThat(store.dueForRewrite(10)).isTrue();

    store.rewrite(List.of(sample(18, 18, 0), sample(19, 19, 0)));

    assertThat(store.load(T0)).containsExactly(sample(18, 18, 0), sample(19, 19, 0));
    assertThat(store.dueForRewrite(10)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.jsonl");
    }
  }
}
