package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoolingTest {

  // Two rows of width 3, dimension 2; the second row's last token is padding.
  private static final float[] HIDDEN = {1, 0, 3, 4, 2, 0, /* row 2 */ 0, 2, 0, 4, 100, 100};
  private static final long[] MASK = {1, 1, 1, 1, 1, 0};

  @Test
  void meanIgnoresPaddingAndGivesAUnitVector() {
    float[][] pooled = Pooling.MEAN.pool(HIDDEN, MASK, 2, 3, 2);

    // Row 1: mean (2, 4/3); row 2: mean (0, 3) without the padded (100, 100).
    assertThat(pooled[0][0] / pooled[0][1]).isCloseTo(1.5f, within(1e-6f));
    assertThat(pooled[1]).containsExactly(0f, 1f);
  }

  @Test
  void clsTakesTheFirstToken() {
    float[][] pooled = Pooling.CLS.pool(HIDDEN, MASK, 2, 3, 2);

    assertThat(pooled[0]).containsExactly(1f, 0f);
    assertThat(pooled[1]).containsExactly(0f, 1f);
  }

  @Test
  void aZeroVectorStaysZero() {
    assertThat(Pooling.normalize(new float[] {0, 0})).containsExactly(0f, 0f);
  }
}
