package io.articlepipeline.ops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReprocessProgressTest {

  private final Rewind rewind = new Rewind("enrich", "articles.submitted", Instant.EPOCH, null,
      Map.of(0, 0L, 1, 10L), Map.of(0, 100L, 1, 60L));

  @Test
  void rightAfterTheRewindNothingIsReprocessed() {
    ReprocessProgress progress = ReprocessProgress.of("enrich", "articles.submitted", "EMPTY", 0,
        rewind, Map.of(0, 0L, 1, 10L), Map.of(0, 0L, 1, 10L), Map.of(0, 100L, 1, 60L));

    assertThat(progress.toReprocess()).isEqualTo(150);
    assertThat(progress.reprocessed()).isZero();
    assertThat(progress.percent()).isZero();
    assertThat(progress.lag()).isEqualTo(150);
    assertThat(progress.caughtUp()).isFalse();
  }

  @Test
  void progressCountsCommitsUpToTheEndAtTheRewind() {
    ReprocessProgress progress = ReprocessProgress.of("enrich", "articles.submitted", "STABLE", 1,
        rewind, Map.of(0, 100L, 1, 35L), Map.of(0, 0L, 1, 10L), Map.of(0, 130L, 1, 60L));

    assertThat(progress.reprocessed()).isEqualTo(100 + 25);
    assertThat(progress.percent()).isEqualTo(83.3);
    assertThat(progress.lag()).isEqualTo(30 + 25);
    assertThat(progress.caughtUp()).isFalse();
  }

  @Test
  void caughtUpOnceEveryPartitionPassedItsEndAtTheRewind() {
    ReprocessProgress progress = ReprocessProgress.of("enrich", "articles.submitted", "STABLE", 1,
        rewind, Map.of(0, 120L, 1, 60L), Map.of(0, 0L, 1, 10L), Map.of(0, 130L, 1, 60L));

    assertThat(progress.percent()).isEqualTo(100.0);
    assertThat(progress.caughtUp()).isTrue();
    assertThat(progress.lag()).isEqualTo(10);
  }

  @Test
  void withoutARewindProgressIsThePlainLag() {
    ReprocessProgress progress = ReprocessProgress.of("enrich", "articles.submitted", "STABLE", 1,
        null, Map.of(0, 7L), Map.of(0, 0L), Map.of(0, 7L));

    assertThat(progress.rewind()).isNull();
    assertThat(progress.percent()).isNull();
    assertThat(progress.lag()).isZero();
    assertThat(progress.caughtUp()).isTrue();
    assertThat(progress.partitions().get(0).rewoundTo()).isNull();
  }

  @Test
  void aRewoundPartitionMissingFromTheOffsetsReadIsNotCaughtUp() {
    ReprocessProgress progress = ReprocessProgress.of("enrich", "articles.submitted", "STABLE", 1,
        rewind, Map.of(0, 100L, 1, 20L), Map.of(), Map.of());

    assertThat(progress.toReprocess()).isEqualTo(150);
    assertThat(progress.reprocessed()).isEqualTo(100 + 10);
    assertThat(progress.caughtUp()).isFalse();
  }
}
