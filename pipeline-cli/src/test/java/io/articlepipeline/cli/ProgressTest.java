package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void aBarWithCountRateAndEta() {
    assertThat(Progress.render(true, "%s articles", 12_345, 20_000, Duration.ofMillis(11_836)))
        .isEqualTo("[############........] 12,345/20,000 articles  1,043/s  ETA 7s");
  }

  @Test
  void aPlainLineAndNoEtaWhenDone() {
    assertThat(Progress.render(false, "searchable %s", 50, 50, Duration.ofSeconds(5)))
        .isEqualTo("searchable 50/50  10/s");
    assertThat(Progress.render(false, "%s articles", 0, 50, Duration.ofSeconds(5))).isEqualTo("0/50 articles");
  }

  @Test
  void durations() {
    assertThat(Progress.duration(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Progress.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
    assertThat(Progress.duration(Duration.ofSeconds(3720))).isEqualTo("1h02m");
  }
}
