package org.voc.eval.bench;

import java.util.Arrays;

/** Percentiles and medians of timings in milliseconds. */
final class Timings {

  private Timings() {}

  /** The {@code p}th percentile (nearest rank) of {@code millis}. */
  static double percentile(double[] millis, double p) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double median(double[] values) {
    return percentile(values, 50);
  }

  interface Timed {
    void run() throws Exception;
  }

  static double millis(Timed timed) throws Exception {
    long start = System.nanoTime();
    timed.run();
    return (System.nanoTime() - start) / 1e6;
  }
}
