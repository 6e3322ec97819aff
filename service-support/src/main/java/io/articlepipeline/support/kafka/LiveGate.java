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

  /** Lets waiting and later batches through. */
  public synchronized void open() {
    closed = false;
    notifyAll();
  }

  public synchronized boolean isClosed() {
    return closed;
  }
}
