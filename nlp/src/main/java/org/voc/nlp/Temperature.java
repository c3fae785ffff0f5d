package org.voc.nlp;

import org.voc.models.SoftmaxHead;

/**
 * Temperature scaling (Guo et al. 2017): the {@code T} that minimises the negative log-likelihood
 * of {@code softmax(logits / T)} on held-out examples. One number, so it cannot overfit much, and it
 * never changes which label is best.
 */
final class Temperature {

  private static final double LOW = Math.log(0.05);
  private static final double HIGH = Math.log(20);

  private Temperature() {}

  /** Golden-section search over log T (the loss is unimodal in T). */
  static double fit(SoftmaxHead head, float[][] x, int[] labels) {
    float[][] logits = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      logits[i] = head.logits(x[i]);
    }
    double phi = (Math.sqrt(5) - 1) / 2;
    double a = LOW;
    double b = HIGH;
    double c = b - phi * (b - a);
    double d = a + phi * (b - a);
    for (int i = 0; i < 60; i++) {
      if (loss(logits, labels, Math.exp(c)) < loss(logits, labels, Math.exp(d))) {
        b = d;
      } else {
        a = c;
      }
      c = b - phi * (b - a);
      d = a + phi * (b - a);
    }
    return Math.exp((a + b) / 2);
  }

  static double loss(float[][] logits, int[] labels, double t) {
    double total = 0;
    for (int i = 0; i < logits.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (float z : logits[i]) {
        max = Math.max(max, z / t);
      }
      double sum = 0;
      for (float z : logits[i]) {
        sum += Math.exp(z / t - max);
      }
      total -= logits[i][labels[i]] / t - max - Math.log(sum);
    }
    return total / Math.max(1, logits.length);
  }
}
