package io.articlepipeline.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CollapseReadinessTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicLong missing = new AtomicLong(3);
  private final AtomicInteger asked = new AtomicInteger();
  private final CollapseReadiness readiness = new CollapseReadiness(() -> {
    asked.incrementAndGet();
    return missing.get();
  }, now::get);

  @Test
  void articlesWithoutAStoryKeyKeepResultsUncollapsedAndAreAskedAgainLater() throws Exception {
    assertThat(readiness.ready()).isFalse();
    now.addAndGet(CollapseReadiness.RECHECK_NANOS - 1);
    assertThat(readiness.ready()).isFalse();
    assertThat(asked).hasValue(1);

    missing.set(0); // reindexed
    now.addAndGet(1);
    assertThat(readiness.ready()).isTrue();
    assertThat(asked).hasValue(2);
  }

  @Test
  void onceEveryArticleHasItsKeyTheIndexIsNotAskedAgain() throws Exception {
    missing.set(0);
    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.ready()).isTrue();
    assertThat(asked).hasValue(1);
  }
}
