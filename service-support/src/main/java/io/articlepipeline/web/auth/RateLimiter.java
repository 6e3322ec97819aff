package io.articlepipeline.web.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. A
 * client that floods is refused (429 with the seconds until its next request would be taken)
 * while every other client keeps its own bucket.
 */
public final class RateLimiter {

  /** Beyond this many clients, buckets that have refilled completely are forgotten. */
  static final int MAX_CLIENTS = 10_000;

  private final double burst;
  private final double perNano;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public RateLimiter(int burst, double perSecond) {
    this(burst, perSecond, System::nanoTime);
  }

  RateLimiter(int burst, double perSecond, LongSupplier nanoTime) {
    if (burst < 1 || perSecond <= 0) {
      throw new IllegalArgumentException("pipeline.auth.rate-limit: burst must be at least 1 and per-second above 0");
    }
    this.burst = burst;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
  }

  /** 0 if the client's request is taken now, else the whole seconds (at least 1) until one would be. */
  public long acquire(String client) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > MAX_CLIENTS) {
      buckets.values().removeIf(b -> full(b, now));
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      double nanos = (1 - bucket.tokens) / perNano;
      return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
  }

  private boolean full(Bucket b, long now) {
    synchronized (b) {
      return b.tokens + (now - b.at) * perNano >= burst;
    }
  }
}
