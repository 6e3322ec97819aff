package io.articlepipeline.support.kafka;

import java.time.Duration;

/**
 * Lets a background writer (the index's rebuild, enrich's reprocess) hold a live stage between
 * two batches. The live stage {@link #enter}s before it writes a batch and {@link #exit}s after;
 * while the gate is closed a batch waits before it writes anything. {@link #close} returns once
 * no batch is being written: from then until {@link #open} none of the live stage's writes is in
 * flight, so the background writer can write what it must without landing a record before a live
 * write of the same article that it should follow, or after one that should follow it (a replayed
 * retraction removing a revision submitted after it, an old revision undoing a retraction).
 *
 * <p>Per process: the live stages of other instances are not held.
 */
public final class LiveGate {

  private boolean closed;
  private int writing;

  /** Waits while the gate is closed, then counts a batch being written. */
  public synchronized void enter() throws InterruptedException {
    while (closed) {
      wait();
    }
    writing++;
  }

  /** The batch {@link #enter}ed before is written (or failed). */
  public synchronized void exit() {
    writing--;
    notifyAll();
  }

  /**
   * Closes the gate and waits until no batch is being written. True once none is; false if one
   * still was after {@code timeout}, and the gate is open again.
   */
  public synchronized boolean close(Duration timeout) throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (writing > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          open();
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      open();
      throw e;
    }
    return true;
  }

  /** Work done while the live stage is held. */
  @FunctionalInterface
  public interface Held {
    void run() throws Exception;
  }

  /** The live stage's batch in flight did not finish in time: nothing was done, the gate is open. */
  public static final class StillWritingException extends IllegalStateException {
    StillWritingException(Duration timeout) {
      super("the live stage's batch was still being written " + timeout.toSeconds() + " s after it was asked to hold");
    }
  }

  /**
   * Closes the gate, runs {@code work} once no live batch is being written, and opens it again
   * whatever happens. Returns how long the live stage was held: from when its batch in flight
   * had finished (the live stage kept working until then) to the opening.
   *
   * @throws StillWritingException if a live batch was still being written after {@code timeout}
   */
  public long hold(Duration timeout, Held work) throws Exception {
    if (!close(timeout)) {
      throw new StillWritingException(timeout);
    }
    long held = System.nanoTime();
    try {
      work.run();
    } finally {
      open();
    }
    return System.nanoTime() - held;
  }

  /** Lets waiting and later batches through. */
  public synchronized void open() {
    closed = false;
    notifyAll();
  }

  public synchronized boolean isClosed() {
    return closed;
  }
}
