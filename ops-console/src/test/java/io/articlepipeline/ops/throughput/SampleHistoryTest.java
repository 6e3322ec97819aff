package io.articlepipeline.ops.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.throughput.SampleHistory.Sample;
import io.articlepipeline.ops.throughput.SampleHistory.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private final SampleHistory history = new SampleHistory(Duration.ofMinutes(5));

  @Test
  void rateIsGrowthOfEndOffsetsOverTheWindow() {
    history.add(sample(0, 100, 5));
    history.add(sample(30, 160, 3));
    history.add(sample(60, 220, 0));

    assertThat(history.messagesPerSecond("t", Duration.ofMinutes(1))).isEqualTo(2.0);
  }

  @Test
  void samplesOutsideTheRateWindowAreIgnored() {
    history.add(sample(0, 0, 0));
    history.add(sample(120, 1000, 0));
    history.add(sample(150, 1030, 0));

    assertThat(history.messagesPerSecond("t", Duration.ofMinutes(1))).isEqualTo(1.0);
  }

  @Test
  void oneSampleGivesNoRate() {
    history.add(sample(0, 10, 0));

    assertThat(history.messagesPerSecond("t", Duration.ofMinutes(1))).isNull();
    assertThat(history.messagesPerSecond("unknown", Duration.ofMinutes(1))).isNull();
  }

  @Test
  void recreatedTopicIsNotNegativeThroughput() {
    history.add(sample(0, 500, 0));
    history.add(sample(10, 0, 0));

    assertThat(history.messagesPerSecond("t", Duration.ofMinutes(1))).isZero();
  }

  @Test
  void trendListsLagOldestFirstAndForgetsOldSamples() {
    history.add(sample(0, 0, 9));
    history.add(sample(400, 0, 7));
    history.add(sample(410, 0, 4));

    assertThat(history.trend("g")).extracting(TrendPoint::lag).containsExactly(7L, 4L);
    assertThat(history.size()).isEqualTo(2);
  }

  private static Sample sample(int second, long end, long lag) {
    return new Sample(T0.plusSeconds(second), Map.of("t", end), Map.of("g", lag),
        Map.of("g", "STABLE"));
  }
}
