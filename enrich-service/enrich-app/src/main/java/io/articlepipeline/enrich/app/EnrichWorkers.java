package io.articlepipeline.enrich.app;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that enrich articles, shared by the live stage and a reprocess, with the live
 * stage first: a waiting live article is taken before any waiting reprocess article, so new
 * articles never queue behind a reprocess batch (they share the cores with the articles already
 * being enriched). In order within each kind. Plain Java.
 */
public final class EnrichWorkers implements AutoCloseable {

  private final ThreadPoolExecutor pool;
  private final AtomicLong sequence = new AtomicLong();
  private final Executor live = task -> submit(task, 0);
  private final Executor background = task -> submit(task, 1);

  public EnrichWorkers(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "enrich-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.prestartAllCoreThreads();
  }

  /** For the live stage's articles. */
  public Executor live() {
    return live;
  }

  /** For a reprocess's articles: run when no live article waits. */
  public Executor background() {
    return background;
  }

  private void submit(Runnable task, int priority) {
    pool.execute(new Task(task, priority, sequence.incrementAndGet()));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private record Task(Runnable task, int priority, long sequence) implements Runnable, Comparable<Task> {
    @Override
    public void run() {
      task.run();
    }

    @Override
    public int compareTo(Task other) {
      return priority != other.priority ? Integer.compare(priority, other.priority)
          : Long.compare(sequence, other.sequence);
    }
  }
}
