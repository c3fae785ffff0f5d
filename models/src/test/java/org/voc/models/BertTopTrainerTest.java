package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning and saving a tiny one-layer top on states we make up. */
class BertTopTrainerTest {

  private static final BertTop.Dimensions TINY = new BertTop.Dimensions(8, 2, 16, 1e-12);

  @Test
  void learnsAClassThatTheTokensCarryAndKeepsTheBestEpoch() {
    Data data = data(400, 7);
    try (BertTopFile.Loaded loaded = BertTopFile.create(0, 1, TINY, List.of("neg", "pos"), weights(3))) {
      BertTop top = loaded.top();
      double before = accuracy(top, data);
      int[] steps = {0};
      BertTopTrainer.Report report = new BertTopTrainer(
          new BertTopTrainer.Options(1, 8, 1e-2, 1e-2, 16, 0.1, 0.2, List.of()))
          .train(top, data.hidden, data.tokens, data.labels, n -> steps[0] += n);

      assertThat(report.validationByEpoch()).hasSize(8);
      assertThat(report.trainingExamples()).isEqualTo(320);
      assertThat(steps[0]).isEqualTo(8 * 320);
      double bestLoss = report.validationByEpoch().stream().mapToDouble(SplitScores::loss).min().orElseThrow();
      assertThat(report.validationByEpoch().get(report.bestEpoch() - 1).loss()).isEqualTo(bestLoss);
      assertThat(report.validationByEpoch().get(report.bestEpoch() - 1).accuracy()).isGreaterThan(0.9);
      assertThat(accuracy(top, data)).isGreaterThan(0.9).isGreaterThan(before);
    }
  }

  @Test
  void keptByAccuracyTheWeightsAreThoseOfTheEpochWithTheHighestHeldOutAccuracy() {
    Data data = data(400, 7);
    try (BertTopFile.Loaded loaded = BertTopFile.create(0, 1, TINY, List.of("neg", "pos"), weights(3))) {
      BertTopTrainer.Report report = new BertTopTrainer(new BertTopTrainer.Options(1, 8, 1e-2, 1e-2,
          16, 0.1, 0.2, List.of(), BertTopTrainer.Keep.HIGHEST_ACCURACY))
          .train(loaded.top(), data.hidden, data.tokens, data.labels, n -> { });

      double bestAccuracy = report.validationByEpoch().stream().mapToDouble(SplitScores::accuracy).max().orElseThrow();
      SplitScores kept = report.validationByEpoch().get(report.bestEpoch() - 1);
      assertThat(kept.accuracy()).isEqualTo(bestAccuracy);
      // the first epoch with that accuracy wins unless a later one has a lower loss
      for (int epoch = 1; epoch < report.bestEpoch(); epoch++) {
        SplitScores earlier = report.validationByEpoch().get(epoch - 1);
        assertThat(earlier.accuracy() < bestAccuracy || earlier.loss() >= kept.loss()).isTrue();
      }
      assertThat(report.options().keep()).isEqualTo(BertTopTrainer.Keep.HIGHEST_ACCURACY);
    }
  }

  @Test
  void accuracyAndLossCanDisagreeOnTheBestEpoch() {
    SplitScores confidentAndRight = new SplitScores(100, 0.60, 0.78);
    SplitScores carefulAndWrong = new SplitScores(100, 0.55, 0.76);
    assertThat(BertTopTrainer.Keep.LOWEST_LOSS.better(confidentAndRight, carefulAndWrong)).isFalse();
    assertThat(BertTopTrainer.Keep.HIGHEST_ACCURACY.better(confidentAndRight, carefulAndWrong)).isTrue();
    assertThat(BertTopTrainer.Keep.HIGHEST_ACCURACY.better(new SplitScores(100, 0.50, 0.78), confidentAndRight))
        .as("same accuracy, lower loss").isTrue();
    assertThat(BertTopTrainer.Keep.HIGHEST_ACCURACY.better(carefulAndWrong, null)).isTrue();
  }

  @Test
  void aBatchWhoseLossIsNotFiniteIsSkippedAndTrainingGoesOn() {
    Data data = data(400, 7);
    java.util.Arrays.fill(data.hidden[5], Float.NaN);
    try (BertTopFile.Loaded loaded = BertTopFile.create(0, 1, TINY, List.of("neg", "pos"), weights(3))) {
      new BertTopTrainer(new BertTopTrainer.Options(1, 8, 1e-2, 1e-2, 16, 0.1, 0.2, List.of()))
          .train(loaded.top(), data.hidden, data.tokens, data.labels, n -> { });

      for (OnnxGraph.Tensor tensor : loaded.top().weights().values()) {
        for (float value : tensor.data()) {
          assertThat(value).as(tensor.name()).isFinite();
        }
      }
      assertThat(accuracy(loaded.top(), data)).isGreaterThan(0.9);
    }
  }

  @Test
  void aGradientThatIsNotFiniteIsFoundAndSetToZeroSoTheNextStepStartsClean() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      w.setArray(manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3)));
      w.getArray().setRequiresGradient(true);
      Parameter b = Parameter.builder().setName("b").setType(Parameter.Type.BIAS).build();
      b.setArray(manager.create(new float[] {1, 2, 3}));
      b.getArray().setRequiresGradient(true);
      List<Parameter> both = List.of(w, b);
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        // sqrt(0 * w) is 0 everywhere, its gradient 0 * infinity: a finite loss with NaN gradients
        NDArray loss = w.getArray().mul(0).sqrt().sum().add(b.getArray().sum());
        assertThat(loss.getFloat()).isEqualTo(6f);
        collector.backward(loss);
      }
      assertThat(BertTopTrainer.finiteGradients(both)).isFalse();
      assertThat(BertTopTrainer.finiteGradients(List.of(b))).isTrue();

      BertTopTrainer.zeroGradients(both);
      System.gc(); // nothing the gradients now hold may be memory that Java frees
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        collector.backward(w.getArray().mul(2).sum().add(b.getArray().mul(3).sum()));
      }
      assertThat(BertTopTrainer.finiteGradients(both)).isTrue();
      assertThat(w.getArray().getGradient().toFloatArray()).containsExactly(2f, 2f, 2f, 2f, 2f, 2f);
      assertThat(b.getArray().getGradient().toFloatArray()).containsExactly(3f, 3f, 3f);
    }
  }

  @Test
  void savedInHalfPrecisionItLoadsWithItsHeaderAndNearlyTheSameOutputs(@TempDir Path dir) throws Exception {
    Data data = data(20, 11);
    Path file = dir.resolve("top.bin");
    try (BertTopFile.Loaded created = BertTopFile.create(0, 1, TINY, List.of("neg", "pos"), weights(5))) {
      float[][] expected = created.top().probabilities(data.hidden, data.tokens);
      BertTopFile.save(created.top(), "tiny-encoder", Map.of("seed", 5), file);

      try (InputStream in = Files.newInputStream(file)) {
        assertThat(BertTopFile.header(in).get("firstLayer").asInt()).isEqualTo(0);
      }
      try (InputStream in = Files.newInputStream(file);
          BertTopFile.Loaded loaded = BertTopFile.load(in)) {
        assertThat(loaded.encoder()).isEqualTo("tiny-encoder");
        assertThat(loaded.top().classes()).containsExactly("neg", "pos");
        assertThat(loaded.header().get("training").get("seed").asInt()).isEqualTo(5);
        float[][] actual = loaded.top().probabilities(data.hidden, data.tokens);
        for (int i = 0; i < expected.length; i++) {
          assertThat(actual[i][1]).isCloseTo(expected[i][1], within(2e-3f));
        }
      }
    }
  }

  private record Data(float[][] hidden, int[] tokens, int[] labels) {}

  /** Every token leans to +1 (class 1) or -1 (class 0) on dimension 0, under noise. */
  private static Data data(int n, long seed) {
    Random random = new Random(seed);
    float[][] hidden = new float[n][];
    int[] tokens = new int[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      tokens[i] = 2 + random.nextInt(6);
      hidden[i] = new float[tokens[i] * TINY.hidden()];
      for (int j = 0; j < hidden[i].length; j++) {
        hidden[i][j] = (float) random.nextGaussian();
      }
      for (int t = 0; t < tokens[i]; t++) {
        hidden[i][t * TINY.hidden()] += labels[i] == 1 ? 1.5f : -1.5f;
      }
    }
    return new Data(hidden, tokens, labels);
  }

  private static double accuracy(BertTop top, Data data) {
    float[][] p = top.probabilities(data.hidden, data.tokens);
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      correct += (p[i][1] > p[i][0] ? 1 : 0) == data.labels[i] ? 1 : 0;
    }
    return (double) correct / p.length;
  }

  /** Small random weights for layer 0 and the classifier, shaped as in an export. */
  private static Map<String, OnnxGraph.Tensor> weights(long seed) {
    Random random = new Random(seed);
    Map<String, OnnxGraph.Tensor> weights = new HashMap<>();
    int h = TINY.hidden();
    int f = TINY.intermediate();
    String p = "encoder.layer.0.";
    for (String m : List.of("attention.self.query", "attention.self.key", "attention.self.value",
        "attention.output.dense")) {
      put(weights, p + m + ".weight", random, 0.3, h, h);
      put(weights, p + m + ".bias", random, 0, h);
    }
    put(weights, p + "intermediate.dense.weight", random, 0.3, h, f);
    put(weights, p + "intermediate.dense.bias", random, 0, f);
    put(weights, p + "output.dense.weight", random, 0.3, f, h);
    put(weights, p + "output.dense.bias", random, 0, h);
    for (String norm : List.of("attention.output.LayerNorm", "output.LayerNorm")) {
      float[] ones = new float[h];
      java.util.Arrays.fill(ones, 1f);
      weights.put(p + norm + ".weight", new OnnxGraph.Tensor(p + norm + ".weight", new long[] {h}, ones));
      put(weights, p + norm + ".bias", random, 0, h);
    }
    put(weights, "classifier.weight", random, 0.1, h, 2);
    put(weights, "classifier.bias", random, 0, 2);
    return weights;
  }

  private static void put(Map<String, OnnxGraph.Tensor> weights, String name, Random random,
      double scale, long... shape) {
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    float[] data = new float[(int) size];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (random.nextGaussian() * scale);
    }
    weights.put(name, new OnnxGraph.Tensor(name, shape, data));
  }
}
