package io.articlepipeline.e2e.chaos;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the clients were told, article by article: the highest revision ingest accepted (202, or
 * an {@code accepted} batch line) and whether a retraction was accepted after it. Operations on one
 * article are sequential (the next one starts only after the previous one was answered for good),
 * so the last accepted operation is the state the pipeline owes.
 */
final class Ledger {

  /** One article's promised state; {@code revision} 0 = never accepted. */
  static final class Entry {
    volatile long revision;
    volatile boolean retracted;
    volatile boolean unresolved;
  }

  /** The latest acceptance, for the progress probe after a restart. */
  record Accepted(String id, long revision, long nanos) {
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicReference<Accepted> latest = new AtomicReference<>();

  Entry entry(String id) {
    return entries.computeIfAbsent(id, k -> new Entry());
  }

  void accepted(String id, long revision) {
    Entry e = entry(id);
    if (revision > e.revision) {
      e.revision = revision;
    }
    e.retracted = false;
    latest.set(new Accepted(id, revision, System.nanoTime()));
  }

  void retracted(String id) {
    entry(id).retracted = true;
  }

  void unresolved(String id) {
    entry(id).unresolved = true;
  }

  Accepted latest() {
    return latest.get();
  }

  Map<String, Entry> entries() {
    return entries;
  }
}
