package io.articlepipeline.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed-loop work over a list: {@code threads} workers each take the next item when done with one. */
final class Parallel {

  interface Task<T> {
    void run(T item) throws Exception;
  }

  private Parallel() {
  }

  static <T> void each(List<T> items, int threads, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < Math.max(1, threads); t++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
            task.run(items.get(i));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code items} cut into consecutive chunks of at most {@code size}. */
  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return chunks;
  }
}
