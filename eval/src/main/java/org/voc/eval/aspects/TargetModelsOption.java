package org.voc.eval.aspects;

import org.voc.nlp.ShippedSentiment;

/** {@code --target-models N} of {@code voc eval aspects} and {@code voc eval themes}. */
public final class TargetModelsOption {

  private TargetModelsOption() {}

  /** {@code requested}, checked, or all the shipped target models when it is null. */
  public static int resolve(Integer requested) {
    int shipped = ShippedSentiment.TARGET_TOPS.size();
    if (requested == null) {
      return shipped;
    }
    if (requested < 1 || requested > shipped) {
      throw new IllegalArgumentException(
          "--target-models must be between 1 and " + shipped + " (the target models voc ships), not " + requested);
    }
    return requested;
  }
}
