package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real MiniLM from its Maven artifact; loading takes about a second, once per class. */
class MiniLmEncoderTest {

  private static OnnxTextEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = EncoderModel.MINILM_L6_V2.load(EncoderSettings.defaults().withMaxBatch(8));
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void describesItself() {
    assertThat(encoder.name()).isEqualTo("all-minilm-l6-v2");
    assertThat(encoder.dimension()).isEqualTo(384);
  }

  @Test
  void aLateDeliveryIsCloserToSlowShippingThanToAColour() {
    float[][] v =
        encoder.embed(List.of("The delivery was late", "Shipping took forever", "I love the colour"));

    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.2);
  }

  @Test
  void vectorsHaveUnitLength() {
    for (float[] vector : encoder.embed(List.of("short", "a somewhat longer sentence here", ""))) {
      assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void batchedVectorsEqualOneAtATimeVectors() {
    List<String> texts = textsOfVeryDifferentLengths(new Random(7));

    float[][] batched = encoder.embed(texts);

    assertThat(batched).hasNumberOfRows(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = encoder.embed(texts.get(i));
      assertThat(maxAbsDiff(batched[i], alone)).as("text %d", i).isLessThan(1e-4f);
    }
  }

  @Test
  void vectorsComeBackInInputOrder() {
    List<String> texts = textsOfVeryDifferentLengths(new Random(11));
    List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);

    float[][] forward = encoder.embed(texts);
    float[][] backward = encoder.embed(reversed);

    for (int i = 0; i < texts.size(); i++) {
      assertThat(maxAbsDiff(forward[i], backward[texts.size() - 1 - i])).isLessThan(1e-4f);
    }
  }

  @Test
  void textsLongerThanMaxTokensAreTruncated() {
    String words = "the parcel arrived damaged and late ".repeat(100);

    float[][] vectors = encoder.embed(List.of(words, words + "but support refunded me quickly"));

    // Only the first 128 tokens count, so what follows them changes nothing.
    assertThat(vectors[0]).hasSize(384);
    assertThat(maxAbsDiff(vectors[0], vectors[1])).isLessThan(1e-4f);
  }

  @Test
  void noTextsGiveNoVectors() {
    assertThat(encoder.embed(List.of())).isEmpty();
  }

  @Test
  void manyThreadsGetTheSameVectorsAsOne() throws Exception {
    List<String> texts = textsOfVeryDifferentLengths(new Random(3));
    float[][] expected = encoder.embed(texts);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<float[][]>> results = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        results.add(pool.submit(() -> encoder.embed(texts)));
      }
      for (Future<float[][]> result : results) {
        float[][] actual = result.get();
        for (int i = 0; i < texts.size(); i++) {
          assertThat(maxAbsDiff(actual[i], expected[i])).isLessThan(1e-4f);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aNullTextIsRejected() {
    List<String> texts = new ArrayList<>();
    texts.add(null);

    assertThatThrownBy(() -> encoder.embed(texts)).isInstanceOf(NullPointerException.class);
  }

  /** About 20 texts from 0 to ~150 words, shuffled, so batches mix lengths. */
  static List<String> textsOfVeryDifferentLengths(Random random) {
    String[] words =
        "the order arrived two weeks late and the box was crushed but support was kind and"
            .split(" ");
    List<String> texts = new ArrayList<>();
    texts.add("");
    texts.add("Great!");
    for (int i = 0; i < 18; i++) {
      int length = 1 + random.nextInt(i < 9 ? 12 : 150);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < length; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      texts.add(text.toString().trim());
    }
    Collections.shuffle(texts, random);
    return texts;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  static float maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
