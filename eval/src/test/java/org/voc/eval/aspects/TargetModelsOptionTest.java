package org.voc.eval.aspects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.voc.nlp.ShippedSentiment;

/** {@code --target-models}: all shipped target models by default, fewer on request, never none. */
class TargetModelsOptionTest {

  @Test
  void allByDefaultFewerOnRequestAndOutOfRangeIsAClearError() {
    int shipped = ShippedSentiment.TARGET_TOPS.size();
    assertThat(TargetModelsOption.resolve(null)).isEqualTo(shipped);
    assertThat(TargetModelsOption.resolve(1)).isEqualTo(1);
    assertThatThrownBy(() -> TargetModelsOption.resolve(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--target-models");
    assertThatThrownBy(() -> TargetModelsOption.resolve(shipped + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and " + shipped);
  }
}
