package org.voc.models;

/**
 * Fits a temperature and per-class logit offsets to a classifier's outputs on a dev set, with
 * every class weighing the same in total: {@code p' = softmax(log p / T + b)}. Training with
 * class weights on one mix of sources leaves class priors that suit none of them; refitting these
 * k + 1 numbers on the dev texts of the domains served corrects that without touching the model.
 *
 * @param temperature {@code T}
 * @param offsets {@code b}, one per class
 */
public record PriorCalibration(double temperature, double[] offsets) {

  /**
   * Gradient descent on the class-balanced negative log-likelihood (convex in {@code 1/T} and
   * {@code b}), from {@code T = 1, b = 0}.
   *
   * @param logProbabilities per example the classifier's log-probabilities
   * @param labels per example its class
   */
  public static PriorCalibration fit(double[][] logProbabilities, int[] labels, int classes) {
    int n = labels.length;
    double[] weight = new double[classes];
    for (int label : labels) {
      weight[label]++;
    }
    for (int c = 0; c < classes; c++) {
      weight[c] = weight[c] == 0 ? 0 : 1.0 / (classes * weight[c]);
    }
    double inverseT = 1.0;
    double[] b = new double[classes];
    double rate = 0.5;
    for (int iteration = 0; iteration < 2000; iteration++) {
      double gradT = 0;
      double[] gradB = new double[classes];
      for (int i = 0; i < n; i++) {
        double[] p = softmax(logProbabilities[i], inverseT, b);
        double w = weight[labels[i]];
        for (int c = 0; c < classes; c++) {
          double d = w * (p[c] - (c == labels[i] ? 1 : 0));
          gradB[c] += d;
          gradT += d * logProbabilities[i][c];
        }
      }
      inverseT = Math.max(0.05, inverseT - rate * gradT);
      for (int c = 0; c < classes; c++) {
        b[c] -= rate * gradB[c];
      }
    }
    return new PriorCalibration(1.0 / inverseT, b);
  }

  /** Calibrated probabilities for a classifier's log-probabilities. */
  public double[] apply(double[] logProbabilities) {
    return softmax(logProbabilities, 1.0 / temperature, offsets);
  }

  private static double[] softmax(double[] logP, double inverseT, double[] b) {
    double[] z = new double[logP.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < z.length; c++) {
      z[c] = logP[c] * inverseT + b[c];
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
    return z;
  }
}
