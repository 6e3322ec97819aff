package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EnrichWorkersTest {

  @Test
  void aWaitingLiveArticleGoesBeforeEveryWaitingReprocessArticleAndEachKindKeepsItsOrder() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch all = new CountDownLatch(7);
    try (EnrichWorkers workers = new EnrichWorkers(1)) {
      workers.background().execute(() -> {
        started.countDown();
        try {
          busy.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ran.add("r0");
        all.countDown();
      });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      for (String name : List.of("r1", "r2", "l1", "r3", "l2", "l3")) {
        (name.startsWith("l") ? workers.live() : workers.background()).execute(() -> {
          ran.add(name);
          all.countDown();
        });
      }
      busy.countDown();
      assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ran).containsExactly("r0", "l1", "l2", "l3", "r1", "r2", "r3");
  }
}
