package io.articlepipeline.cli;

import java.time.Duration;

/** Waits between retries; the tests replace it so they need not wait. */
@FunctionalInterface
interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
