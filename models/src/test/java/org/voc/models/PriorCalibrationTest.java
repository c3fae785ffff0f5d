package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PriorCalibrationTest {

  @Test
  void offsetsUndoAClassifierThatFavoursOneClassAndEveryClassIsRecalledAgain() {
    Random random = new Random(9);
    int n = 3000;
    double[][] logP = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      double[] z = new double[3];
      for (int c = 0; c < 3; c++) {
        z[c] = (c == labels[i] ? 1.5 : 0) + random.nextGaussian() + (c == 1 ? 2.5 : 0); // leans to 1
      }
      logP[i] = logSoftmax(z);
    }
    double before = minRecall(logP, labels, null);

    PriorCalibration calibration = PriorCalibration.fit(logP, labels, 3);

    assertThat(before).isLessThan(0.3);
    assertThat(minRecall(logP, labels, calibration)).isGreaterThan(0.6);
    assertThat(calibration.offsets()[1]).isLessThan(calibration.offsets()[0]);
    double[] p = calibration.apply(logP[0]);
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
  }

  private static double minRecall(double[][] logP, int[] labels, PriorCalibration calibration) {
    int[] hits = new int[3];
    int[] counts = new int[3];
    for (int i = 0; i < labels.length; i++) {
      double[] p = calibration == null ? logP[i] : calibration.apply(logP[i]);
      int argmax = 0;
      for (int c = 1; c < 3; c++) {
        argmax = p[c] > p[argmax] ? c : argmax;
      }
      counts[labels[i]]++;
      hits[labels[i]] += argmax == labels[i] ? 1 : 0;
    }
    double min = 1;
    for (int c = 0; c < 3; c++) {
      min = Math.min(min, (double) hits[c] / counts[c]);
    }
    return min;
  }

  private static double[] logSoftmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    double lse = max + Math.log(sum);
    return new double[] {z[0] - lse, z[1] - lse, z[2] - lse};
  }
}
