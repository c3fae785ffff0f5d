package org.voc.service.ingest;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Documents analyzed per second over the last {@value #WINDOW_SECONDS} seconds: how fast the queue
 * drains now, for the {@code Retry-After} of a 429. An average since start would say "slow" after
 * every idle hour and send clients away for far longer than the queue needs. Thread-safe.
 */
final class DrainRate {

  static final int WINDOW_SECONDS = 30;

  private final LongSupplier nanos;
  private final long[] counts = new long[WINDOW_SECONDS];
  private final long[] seconds = new long[WINDOW_SECONDS];
  private final long startSecond;

  DrainRate() {
    this(System::nanoTime);
  }

  DrainRate(LongSupplier nanos) {
    this.nanos = nanos;
    this.startSecond = second();
    Arrays.fill(seconds, Long.MIN_VALUE);
  }

  /** One document analyzed now. */
  synchronized void record() {
    long now = second();
    int slot = (int) Math.floorMod(now, (long) WINDOW_SECONDS);
    if (seconds[slot] != now) {
      seconds[slot] = now;
      counts[slot] = 0;
    }
    counts[slot]++;
  }

  /**
   * Documents per second over the window's whole seconds (the current, partial second left out),
   * or over the seconds since start when that is shorter; 0 when nothing was analyzed in it.
   */
  synchronized double perSecond() {
    long now = second();
    long span = Math.min(WINDOW_SECONDS - 1, now - startSecond);
    if (span <= 0) {
      return 0;
    }
    long sum = 0;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      if (seconds[i] < now && seconds[i] >= now - span) {
        sum += counts[i];
      }
    }
    return sum / (double) span;
  }

  /**
   * The seconds a client should wait before sending again when {@code queued} documents wait: the
   * time to drain a quarter of them at the current rate (1 document a second when nothing drains
   * now), between 1 and 60.
   */
  int retryAfterSeconds(int queued) {
    double rate = Math.max(1.0, perSecond());
    return (int) Math.max(1, Math.min(60, Math.ceil(queued / rate / 4)));
  }

  private long second() {
    return Math.floorDiv(nanos.getAsLong(), 1_000_000_000L);
  }
}
