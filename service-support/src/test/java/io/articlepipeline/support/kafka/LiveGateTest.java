package io.articlepipeline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LiveGateTest {

  private final LiveGate gate = new LiveGate();

  @Test
  void closingWaitsForTheBatchBeingWrittenThenHoldsTheNextUntilOpened() throws Exception {
    gate.enter();
    CountDownLatch closed = new CountDownLatch(1);
    Thread closer = new Thread(() -> {
      try {
        if (gate.close(Duration.ofSeconds(30))) {
          closed.countDown();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    closer.start();
    assertThat(closed.await(300, TimeUnit.MILLISECONDS)).as("closed while a batch is being written").isFalse();
    gate.exit();
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();

    AtomicBoolean entered = new AtomicBoolean();
    Thread next = new Thread(() -> {
      try {
        gate.enter();
        entered.set(true);
        gate.exit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    next.start();
    next.join(300);
    assertThat(entered).as("the next batch went through a closed gate").isFalse();
    gate.open();
    next.join(10_000);
    assertThat(entered).isTrue();
  }

  @Test
  void aBatchThatDoesNotFinishInTimeLeavesTheGateOpen() throws Exception {
    gate.enter();
    assertThat(gate.close(Duration.ofMillis(50))).isFalse();
    assertThat(gate.isClosed()).isFalse();
    gate.exit();
    assertThat(gate.close(Duration.ofMillis(50))).as("nothing being written").isTrue();
    assertThat(gate.isClosed()).isTrue();
  }

  @Test
  void holdRunsTheWorkWithNoLiveBatchInFlightAndOpensAfterwardsAlsoWhenItFails() throws Exception {
    java.util.List<String> seen = new java.util.ArrayList<>();
    long held = gate.hold(Duration.ofSeconds(5), () -> seen.add("closed=" + gate.isClosed()));
    assertThat(seen).containsExactly("closed=true");
    assertThat(held).isNotNegative();
    assertThat(gate.isClosed()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.hold(Duration.ofSeconds(5), () -> {
      throw new java.io.IOException("bulk failed");
    })).hasMessage("bulk failed");
    assertThat(gate.isClosed()).isFalse();
  }

  @Test
  void holdDoesNothingWhenTheLiveBatchDoesNotFinishInTime() throws Exception {
    gate.enter();
    AtomicBoolean ran = new AtomicBoolean();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.hold(Duration.ofMillis(50), () -> ran.set(true)))
        .isInstanceOf(LiveGate.StillWritingException.class);
    assertThat(ran).isFalse();
    assertThat(gate.isClosed()).isFalse();
    gate.exit();
  }
}
