package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTaggerTest {

  @TempDir
  Path dir;

  @Test
  void featuresAreTheTokenAndItsNeighboursWithZerosBeyondTheEnds() {
    float[] states = {1, 2, 3, 4, 5, 6}; // 3 tokens of dimension 2
    float[] into = new float[6];

    TokenTagger.features(states, 3, 2, 1, 0, into, 0);
    assertThat(into).containsExactly(0, 0, 1, 2, 3, 4);
    TokenTagger.features(states, 3, 2, 1, 2, into, 0);
    assertThat(into).containsExactly(3, 4, 5, 6, 0, 0);
  }

  @Test
  void aTaggerRoundTripsThroughItsHalfPrecisionFileWithNearlyTheSameProbabilities() throws Exception {
    TokenTagger tagger = random(new Random(1), 4, 1, 5, List.of("O", "B", "I"));
    Path file = dir.resolve("tagger.json");
    tagger.save(file);
    TokenTagger loaded = TokenTagger.load(file);
    float[] states = new float[3 * 4];
    for (int i = 0; i < states.length; i++) {
      states[i] = i / 10f;
    }

    float[][] p = tagger.probabilities(states, 3);
    float[][] reloaded = loaded.probabilities(states, 3);
    for (int t = 0; t < 3; t++) {
      assertThat(reloaded[t]).containsExactly(p[t], within(2e-2f));
    }
    assertThat(loaded.tags(states, 3)).containsExactly(tagger.tags(states, 3));
    assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1f, within(1e-5f));
    assertThat(loaded.encoder()).isEqualTo("fake@0");
  }

  @Test
  void transitionsTurnTwoAdjacentBeginningsIntoOneTerm() {
    // O, B, I: B -> B never seen in training, B -> I often.
    int[][] labels = {{-1, 0, 1, 2, 0, -1}, {0, 1, 2, 2, 0}, {1, 0, 0, 1, 0}};
    float[] transitions = TokenTaggerTrainer.transitions(labels, 3);
    TokenTagger base = random(new Random(1), 2, 0, 2, List.of("O", "B", "I"));
    TokenTagger tagger = new TokenTagger(base.classes(), base.encoder(), 2, 0, base.hidden(),
        base.output(), transitions, null);
    float[][] p = {{0.8f, 0.1f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0.1f, 0.5f, 0.4f}, {0.9f, 0.05f, 0.05f}};

    assertThat(base.decode(p)).containsExactly(0, 1, 1, 0);
    assertThat(tagger.decode(p)).containsExactly(0, 1, 2, 0);
    // after O: O once, B three times, I never; add-one smoothed: O 2/7; O overall 8/17
    assertThat(transitions[3]).isCloseTo((float) (Math.log(2.0 / 7) - Math.log(8.0 / 17)), within(1e-6f));
  }

  @Test
  void trainingLearnsTagsThatDependOnANeighbour() {
    // A token is B when its own first feature is positive, I when the previous token's is.
    Random random = new Random(7);
    int texts = 200;
    int tokens = 6;
    int dimension = 3;
    float[][] states = new float[texts][tokens * dimension];
    int[][] labels = new int[texts][tokens];
    for (int i = 0; i < texts; i++) {
      for (int t = 0; t < tokens; t++) {
        for (int d = 0; d < dimension; d++) {
          states[i][t * dimension + d] = (float) random.nextGaussian();
        }
      }
      for (int t = 0; t < tokens; t++) {
        boolean own = states[i][t * dimension] > 0.5f;
        boolean previous = t > 0 && states[i][(t - 1) * dimension] > 0.5f;
        labels[i][t] = own ? 1 : previous ? 2 : 0;
      }
      labels[i][0] = -1; // like [CLS]: not learned from
    }
    var options = new TokenTaggerTrainer.Options(3, 20, 1e-2, 32, 16, 1, 0.0, 0.1, List.of());
    var result = new TokenTaggerTrainer(options).train(
        states, filled(texts, tokens), labels, dimension,
        List.of("O", "B", "I"), "fake@0", n -> { });

    assertThat(result.validationByEpoch().get(result.bestEpoch() - 1).accuracy()).isGreaterThan(0.9);
    assertThat(result.tagger().window()).isEqualTo(1);
  }

  private static int[] filled(int n, int value) {
    int[] result = new int[n];
    java.util.Arrays.fill(result, value);
    return result;
  }

  static TokenTagger random(Random random, int dimension, int window, int units, List<String> classes) {
    int inputs = TokenTagger.inputs(dimension, window);
    return new TokenTagger(classes, "fake@0", dimension, window,
        new TokenTagger.Layer(inputs, units, gaussian(random, inputs * units), gaussian(random, units)),
        new TokenTagger.Layer(units, classes.size(), gaussian(random, units * classes.size()),
            gaussian(random, classes.size())),
        null, null);
  }

  private static float[] gaussian(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
