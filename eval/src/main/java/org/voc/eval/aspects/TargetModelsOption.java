package org.voc.eval.aspects;

import org.voc.nlp.ShippedSentiment;

/** {@code --target-models N} of {@code voc eval aspects} and {@code voc eval themes}. */
public final class TargetModelsOption {

  private TargetModelsOption() {}

  /** {@code requested}, checked, or all the shipped target models when it is null. */
  public static int resolve(Integer requested) {
    if (requested == null) {
      return ShippedSentiment.TARGET_TOPS.size();
    }
    ShippedSentiment.targetModelsProblem(requested).ifPresent(problem -> {
      throw new IllegalArgumentException("--target-models " + problem);
    });
    return requested;
  }
}
