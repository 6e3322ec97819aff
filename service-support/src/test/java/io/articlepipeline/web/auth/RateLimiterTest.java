package io.articlepipeline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void aBurstIsTakenThenTheClientWaitsForTheRefillWhileOthersGoOn() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(3, 0.5, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(2); // one token every 2 s
    assertThat(limiter.acquire("b")).isZero();
    now.addAndGet(2_000_000_000L);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(2);
  }
}
