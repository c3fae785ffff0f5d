package org.voc.service.http;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled at {@code perSecond}; a request
 * takes one. Time comes from the caller (nanoseconds, as {@link System#nanoTime()}), so tests can
 * drive it. Thread-safe.
 */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long updatedNanos;

  TokenBucket(double capacity, double perSecond, long nowNanos) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.updatedNanos = nowNanos;
  }

  /** Takes a token: 0 when there was one, else how many nanoseconds until there is. */
  synchronized long take(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano);
  }

  /** True when the bucket is full again, so forgetting it changes nothing. */
  synchronized boolean full(long nowNanos) {
    refill(nowNanos);
    return tokens >= capacity;
  }

  private void refill(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - updatedNanos) * perNano);
    updatedNanos = nowNanos;
  }
}
