package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trains with the real PyTorch engine; each run takes well under a second. */
class SoftmaxHeadTrainerTest {

  private static final TrainingOptions FAST =
      TrainingOptions.builder().epochs(30).learningRate(0.05).batchSize(32).build();

  @Test
  void learnsALinearlySeparableThreeClassProblem() {
    Data data = separable(3, 16, 200, new Random(1));

    SoftmaxHead head =
        new SoftmaxHeadTrainer(FAST).train(data.x, data.y, List.of("a", "b", "c"), "synthetic");

    assertThat(accuracy(head, data)).isGreaterThanOrEqualTo(0.99);
    assertThat(head.classes()).containsExactly("a", "b", "c");
    assertThat(head.encoder()).isEqualTo("synthetic");
    TrainingReport report = head.training().orElseThrow();
    assertThat(report.train().accuracy()).isGreaterThanOrEqualTo(0.99);
    assertThat(report.validation().orElseThrow().examples()).isEqualTo(60);
    assertThat(report.train().examples()).isEqualTo(540);
    assertThat(report.dataChecksum()).startsWith("sha256:").hasSize(7 + 64);
    assertThat(report.bestEpoch()).isBetween(1, report.epochsRun());
  }

  @Test
  void theSameSeedGivesIdenticalWeights() {
    Data data = noisy(3, 24, 150, new Random(2));

    SoftmaxHead first = new SoftmaxHeadTrainer(FAST).train(data.x, data.y, 3);
    SoftmaxHead second = new SoftmaxHeadTrainer(FAST).train(data.x, data.y, 3);

    assertThat(second.weights()).isDeepEqualTo(first.weights());
    assertThat(second.bias()).containsExactly(first.bias());
  }

  @Test
  void anotherSeedShufflesDifferently() {
    Data data = noisy(3, 24, 150, new Random(2));

    SoftmaxHead first = new SoftmaxHeadTrainer(FAST).train(data.x, data.y, 3);
    SoftmaxHead other =
        new SoftmaxHeadTrainer(FAST.toBuilder().seed(43).build()).train(data.x, data.y, 3);

    assertThat(other.weights()).isNotEqualTo(first.weights());
  }

  @Test
  void earlyStoppingEndsBeforeTheLastEpochWhenHeldOutLossStopsFalling() {
    // Random labels: nothing to learn, so the held-out loss soon rises.
    Random random = new Random(5);
    Data data = noisy(2, 64, 100, random);
    for (int i = 0; i < data.y.length; i++) {
      data.y[i] = random.nextInt(2);
    }
    TrainingOptions options = FAST.toBuilder().epochs(200).patience(3).build();

    TrainingReport report =
        new SoftmaxHeadTrainer(options).train(data.x, data.y, 2).training().orElseThrow();

    assertThat(report.epochsRun()).isLessThan(200);
    assertThat(report.epochsRun() - report.bestEpoch()).isEqualTo(3);
  }

  @Test
  void withoutAHeldOutShareEveryEpochRuns() {
    Data data = separable(2, 8, 50, new Random(3));
    TrainingOptions options = FAST.toBuilder().epochs(7).validationFraction(0).build();

    TrainingReport report =
        new SoftmaxHeadTrainer(options).train(data.x, data.y, 2).training().orElseThrow();

    assertThat(report.epochsRun()).isEqualTo(7);
    assertThat(report.bestEpoch()).isEqualTo(7);
    assertThat(report.validation()).isEmpty();
  }

  @Test
  void classWeightsPullPredictionsTowardsTheHeavierClass() {
    Data data = noisy(2, 8, 300, new Random(9));
    TrainingOptions plain = FAST.toBuilder().validationFraction(0).epochs(10).build();
    TrainingOptions weighted = plain.toBuilder().classWeights(List.of(1.0, 5.0)).build();

    double plainShare = share(new SoftmaxHeadTrainer(plain).train(data.x, data.y, 2), data, 1);
    double weightedShare =
        share(new SoftmaxHeadTrainer(weighted).train(data.x, data.y, 2), data, 1);

    assertThat(weightedShare).isGreaterThan(plainShare + 0.05);
  }

  @Test
  void balancedWeightsMakeEveryClassCountTheSame() {
    List<Double> weights =
        SoftmaxHeadTrainer.balancedClassWeights(new int[] {0, 0, 0, 1}, 3);

    assertThat(weights.get(0)).isCloseTo(4.0 / 9, within(1e-12));
    assertThat(weights.get(1)).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(weights.get(2)).isEqualTo(1.0);
  }

  @Test
  void aLabelOutsideTheClassesIsRejected() {
    float[][] x = {{1}, {2}};

    assertThatThrownBy(() -> new SoftmaxHeadTrainer(FAST).train(x, new int[] {0, 2}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Label 2");
  }

  @Test
  void theChecksumChangesWhenOneLabelChanges() {
    float[][] x = {{1, 2}, {3, 4}};

    assertThat(checksum(x, new int[] {0, 1}))
        .isNotEqualTo(checksum(x, new int[] {1, 1}))
        .isEqualTo(checksum(x, new int[] {0, 1}));
  }

  private static String checksum(float[][] x, int[] y) {
    return new Examples(x, y, new float[] {1, 1}).checksum();
  }

  record Data(float[][] x, int[] y) {}

  /** Tight clusters around orthogonal centres: a linear model can get every example right. */
  static Data separable(int classes, int dim, int perClass, Random random) {
    return clusters(classes, dim, perClass, 0.05, random);
  }

  /** Overlapping clusters: a linear model gets most but not all right. */
  static Data noisy(int classes, int dim, int perClass, Random random) {
    return clusters(classes, dim, perClass, 0.6, random);
  }

  private static Data clusters(int classes, int dim, int perClass, double noise, Random random) {
    float[][] x = new float[classes * perClass][dim];
    int[] y = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = i % classes;
      for (int d = 0; d < dim; d++) {
        x[i][d] = (float) ((d == y[i] ? 1 : 0) + noise * random.nextGaussian());
      }
    }
    return new Data(x, y);
  }

  private static double accuracy(SoftmaxHead head, Data data) {
    int correct = 0;
    for (int i = 0; i < data.x.length; i++) {
      correct += head.predict(data.x[i]) == data.y[i] ? 1 : 0;
    }
    return (double) correct / data.x.length;
  }

  private static double share(SoftmaxHead head, Data data, int label) {
    int count = 0;
    for (float[] x : data.x) {
      count += head.predict(x) == label ? 1 : 0;
    }
    return (double) count / data.x.length;
  }
}
