package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveBacklogTest {

  @Test
  void aLargeRecentBatchIsBehindASmallOneOrAnOldOneIsNot() throws Exception {
    LiveBacklog backlog = new LiveBacklog(Duration.ofMillis(200));
    assertThat(backlog.behind()).as("nothing read yet").isFalse();
    backlog.read(LiveBacklog.BEHIND_AT);
    assertThat(backlog.behind()).isTrue();
    backlog.read(12);
    assertThat(backlog.behind()).as("a steady stream's batch").isFalse();
    backlog.read(500);
    Thread.sleep(300);
    assertThat(backlog.behind()).as("a stage that stopped reading holds nothing up").isFalse();
  }
}
