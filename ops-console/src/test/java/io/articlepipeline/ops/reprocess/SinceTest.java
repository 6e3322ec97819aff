package io.articlepipeline.ops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinceTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsInstantsDaysAndDurationsBackFromNow() {
    assertThat(Since.parse("2026-12-01T08:00:00Z", clock)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(Since.parse("2026-12-01T16:00:00+08:00", clock)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(Since.parse("2026-12-01", clock)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(Since.parse("PT6H", clock)).isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
    assertThat(Since.parse(" P2D ", clock)).isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
  }

  @Test
  void refusesWhatItCannotReadAndTheFuture() {
    assertThatThrownBy(() -> Since.parse("yesterday", clock)).isInstanceOf(Since.InvalidSinceException.class)
        .hasMessageContaining("'yesterday'").hasMessageContaining("PT6H");
    assertThatThrownBy(() -> Since.parse("2026-12-01T08:00:00", clock)).as("no offset: which zone?")
        .isInstanceOf(Since.InvalidSinceException.class);
    assertThatThrownBy(() -> Since.parse("2026-12-08", clock)).hasMessageContaining("in the future");
    assertThatThrownBy(() -> Since.parse("PT-1H", clock)).hasMessageContaining("negative");
  }
}
