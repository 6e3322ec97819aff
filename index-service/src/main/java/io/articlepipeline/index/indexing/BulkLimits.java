package io.articlepipeline.index.indexing;

/**
 * How a consumed batch is cut into bulk requests, and how many of them are written at once.
 *
 * @param maxActions  at most this many actions per request
 * @param maxBytes    at most this many bytes of documents per request (a larger single document
 *                    still goes, alone)
 * @param maxInFlight at most this many requests sent and not yet answered; the next one is
 *                    prepared meanwhile
 */
public record BulkLimits(int maxActions, long maxBytes, int maxInFlight) {

  /** The whole batch as one request. */
  public static final BulkLimits ONE_REQUEST = new BulkLimits(Integer.MAX_VALUE, Long.MAX_VALUE, 1);

  public BulkLimits {
    if (maxActions < 1 || maxBytes < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("bulk limits must be at least 1: " + maxActions + " actions, "
          + maxBytes + " bytes, " + maxInFlight + " in flight");
    }
  }
}
