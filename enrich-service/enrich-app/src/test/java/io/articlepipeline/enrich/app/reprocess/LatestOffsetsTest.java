package io.articlepipeline.enrich.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatestOffsetsTest {

  @Test
  void onlyEachKeysLastRecordIsLatestAndARetractionIsNeverOne() {
    LatestOffsets latest = new LatestOffsets();
    long a = LatestOffsets.hash("a");
    long b = LatestOffsets.hash("b");
    latest.put(a, 1, false);
    latest.put(b, 2, false);
    latest.put(a, 3, false);
    latest.put(b, 4, true);
    assertThat(latest.isLatest(a, 1)).isFalse();
    assertThat(latest.isLatest(a, 3)).isTrue();
    assertThat(latest.isLatest(b, 2)).as("retracted after").isFalse();
    assertThat(latest.isLatest(b, 4)).isFalse();
    assertThat(latest.isLatest(LatestOffsets.hash("c"), 5)).isFalse();
    assertThat(latest.size()).isEqualTo(2);
    assertThat(latest.articles()).isEqualTo(1);
    latest.put(b, 6, false);
    assertThat(latest.articles()).as("submitted again after its retraction").isEqualTo(2);
    assertThat(latest.contains(b)).isTrue();
    assertThat(latest.contains(LatestOffsets.hash("c"))).isFalse();
  }

  @Test
  void growsPastItsFirstTableWithoutLosingAKey() {
    LatestOffsets latest = new LatestOffsets();
    for (int i = 0; i < 100_000; i++) {
      latest.put(LatestOffsets.hash("article-" + i), i, i % 10 == 0);
    }
    for (int i = 0; i < 100_000; i++) {
      assertThat(latest.isLatest(LatestOffsets.hash("article-" + i), i)).isEqualTo(i % 10 != 0);
    }
    assertThat(latest.size()).isEqualTo(100_000);
    assertThat(latest.articles()).isEqualTo(90_000);
  }

  @Test
  void theHashOfAStringIsTheHashOfItsUtf8Bytes() {
    assertThat(LatestOffsets.hash("儿慈会-1")).isEqualTo(LatestOffsets.hash("儿慈会-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(LatestOffsets.hash("a")).isNotEqualTo(LatestOffsets.hash("b")).isNotZero();
  }
}
