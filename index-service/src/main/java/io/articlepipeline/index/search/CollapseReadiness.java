package io.articlepipeline.index.search;

import java.io.IOException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether results may be collapsed by story. Elasticsearch puts every document without the
 * collapse field into one group, so an index holding articles from before the story key existed
 * would show them as a single hit: collapsing waits until no article lacks the key (after
 * {@code ./pipeline reindex} or reprocessing). A "not yet" is asked again after a while; a "yes"
 * stays, since every article indexed since carries the key.
 */
final class CollapseReadiness {

  private static final Logger log = LoggerFactory.getLogger(CollapseReadiness.class);

  /** Articles without a story key in the read alias. */
  interface MissingCount {
    long count() throws IOException;
  }

  static final long RECHECK_NANOS = 30_000_000_000L;

  private final MissingCount missing;
  private final LongSupplier nanoClock;
  private volatile boolean ready;
  private volatile long checkedAt;
  private volatile boolean checked;

  CollapseReadiness(MissingCount missing, LongSupplier nanoClock) {
    this.missing = missing;
    this.nanoClock = nanoClock;
  }

  boolean ready() throws IOException {
    if (ready) {
      return true;
    }
    long now = nanoClock.getAsLong();
    if (checked && now - checkedAt < RECHECK_NANOS) {
      return false;
    }
    long without = missing.count();
    checkedAt = now;
    checked = true;
    ready = without == 0;
    if (!ready) {
      log.warn("{} indexed article(s) have no story key yet, so results are not collapsed; run ./pipeline reindex",
          without);
    }
    return ready;
  }
}
