package io.articlepipeline.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happened to each article so far, written by the sending threads and read by the progress
 * bar and the summary.
 */
final class Tally {

  /** Reports list problems in file and line order, whatever order the threads finished in. */
  static final Comparator<Problem> IN_FILE_ORDER = Comparator
      .comparing((Problem p) -> p.origin().file().toString()).thenComparingInt(p -> p.origin().line());

  private final List<Accepted> accepted = new ArrayList<>();
  private final List<Problem> refused = new ArrayList<>();
  private final List<Problem> failed = new ArrayList<>();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<String> fatal = new AtomicReference<>();

  synchronized void accepted(Accepted a) {
    accepted.add(a);
    done.incrementAndGet();
  }

  synchronized void refused(Problem p) {
    refused.add(p);
    done.incrementAndGet();
  }

  synchronized void failed(Problem p) {
    failed.add(p);
    done.incrementAndGet();
  }

  /** Stops the whole submission (a refused token): the first reason wins. */
  void fatal(String reason) {
    fatal.compareAndSet(null, reason);
  }

  String fatal() {
    return fatal.get();
  }

  boolean stopped() {
    return fatal.get() != null;
  }

  /** Articles with an outcome: accepted, refused or failed. */
  int done() {
    return done.get();
  }

  synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  synchronized List<Problem> refused() {
    return refused.stream().sorted(IN_FILE_ORDER).toList();
  }

  synchronized List<Problem> failed() {
    return failed.stream().sorted(IN_FILE_ORDER).toList();
  }
}
