package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the real bge-small from its Maven artifact. */
class BgeSmallEncoderTest {

  @Test
  void loadsAndGivesUnitVectorsOf384DimensionsAndRefusesWorkOnceClosed() {
    TextEncoder closed;
    try (TextEncoder encoder = EncoderModel.BGE_SMALL_EN_V15.load()) {
      closed = encoder;
      float[][] v =
          encoder.embed(
              List.of("The delivery was late", "Shipping took forever", "I love the colour"));

      assertThat(encoder.name()).isEqualTo("bge-small-en-v1.5");
      assertThat(encoder.dimension()).isEqualTo(384);
      assertThat(v).hasNumberOfRows(3);
      for (float[] vector : v) {
        assertThat(vector).hasSize(384);
        assertThat(MiniLmEncoderTest.dot(vector, vector)).isCloseTo(1.0, within(1e-5));
      }
      assertThat(MiniLmEncoderTest.dot(v[0], v[1]))
          .isGreaterThan(MiniLmEncoderTest.dot(v[0], v[2]));
    }
    assertThatThrownBy(() -> closed.embed("late again")).isInstanceOf(IllegalStateException.class);
  }
}
