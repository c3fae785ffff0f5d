package org.voc.eval.bench;

/**
 * One row of the benchmark table: voc's figure, the baseline measured in the same run (NaN when
 * there is none), the target and whether it is met (null without a target).
 */
public record Figure(String name, String unit, double voc, double baseline, String target, Boolean met) {

  /** voc over the baseline; NaN without a baseline. */
  public double ratio() {
    return voc / baseline;
  }
}
