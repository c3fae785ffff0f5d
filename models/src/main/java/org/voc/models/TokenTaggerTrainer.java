package org.voc.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link TokenTagger} on tapped hidden states with DJL's PyTorch engine: class-weighted
 * cross-entropy over every labeled token, Adam, shuffled mini-batches of tokens, dropout on the
 * hidden layer, and after each epoch a score on a held-out share of the texts (whole texts, so
 * that no sentence is on both sides); the epoch with the most held-out tokens tagged right is
 * kept (the loss rewards confident O tags more than it helps to find the rare B and I).
 */
public final class TokenTaggerTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(TokenTaggerTrainer.class);

  /** How to train; {@code classWeights} empty means every class weighs 1. */
  public record Options(long seed, int epochs, double learningRate, int batchSize, int units,
      int window, double dropout, double validationFraction, List<Double> classWeights) {}

  /** The kept tagger and how it got there. */
  public record Result(TokenTagger tagger, int trainingTokens, int bestEpoch,
      List<SplitScores> validationByEpoch) {}

  private final Options options;

  public TokenTaggerTrainer(Options options) {
    this.options = options;
  }

  /**
   * @param states per text its hidden states {@code [tokens[i]][dimension]} flattened
   * @param labels per text and token the class index, or -1 for a token not to learn from
   * @param progress called with the number of tokens of each finished step
   */
  public Result train(float[][] states, int[] tokens, int[][] labels, int dimension,
      List<String> classes, String encoder, IntConsumer progress) {
    Random random = new Random(options.seed());
    int[] texts = new int[states.length];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = i;
    }
    HeldOutSplit.shuffle(texts, random);
    int held = (int) Math.round(texts.length * options.validationFraction());
    long[] train = positions(texts, held, texts.length, labels);
    long[] validation = positions(texts, 0, held, labels);
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) options.seed());
    int inputs = TokenTagger.inputs(dimension, options.window());
    float[] weights = classWeights(classes.size());
    float[] transitions = transitions(labels, classes.size());
    try (NDManager manager = engine.newBaseManager(Device.cpu())) {
      Linear hidden = Linear.builder().setUnits(options.units()).build();
      Linear output = Linear.builder().setUnits(classes.size()).build();
      SequentialBlock net = new SequentialBlock()
          .add(hidden)
          .add(Activation.reluBlock())
          .add(Dropout.builder().optRate((float) options.dropout()).build())
          .add(output);
      net.initialize(manager, DataType.FLOAT32, new Shape(options.batchSize(), inputs));
      ParameterStore store = new ParameterStore(manager, false);
      store.setParameterServer(engine.newParameterServer(Adam.builder()
          .optLearningRateTracker(Tracker.fixed((float) options.learningRate())).build()),
          new Device[] {Device.cpu()});
      List<SplitScores> scores = new ArrayList<>();
      TokenTagger best = null;
      double bestAccuracy = -1;
      int bestEpoch = 0;
      for (int epoch = 1; epoch <= options.epochs(); epoch++) {
        shuffle(train, random);
        for (int start = 0; start < train.length; start += options.batchSize()) {
          int rows = Math.min(options.batchSize(), train.length - start);
          step(engine, net, store, states, tokens, labels, weights, train, start, rows, dimension,
              classes.size());
          progress.accept(rows);
        }
        TokenTagger current = snapshot(hidden, output, classes, encoder, dimension, transitions);
        SplitScores score = score(current, states, tokens, labels, weights, validation);
        scores.add(score);
        LOG.info("epoch {}: held-out loss {} accuracy {}", epoch, score.loss(), score.accuracy());
        if (score.accuracy() > bestAccuracy || validation.length == 0) {
          bestAccuracy = score.accuracy();
          best = current;
          bestEpoch = epoch;
        }
      }
      return new Result(best, train.length, bestEpoch, scores);
    }
  }

  /** The labeled tokens of texts {@code order[from..to)}, as {@code text << 32 | token}. */
  private static long[] positions(int[] order, int from, int to, int[][] labels) {
    List<Long> result = new ArrayList<>();
    for (int k = from; k < to; k++) {
      int text = order[k];
      for (int t = 0; t < labels[text].length; t++) {
        if (labels[text][t] >= 0) {
          result.add(((long) text << 32) | t);
        }
      }
    }
    return result.stream().mapToLong(Long::longValue).toArray();
  }

  private void step(Engine engine, SequentialBlock net, ParameterStore store, float[][] states,
      int[] tokens, int[][] labels, float[] weights, long[] order, int start, int rows,
      int dimension, int classes) {
    int inputs = TokenTagger.inputs(dimension, options.window());
    float[] x = new float[rows * inputs];
    float[] targets = new float[rows * classes];
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int text = (int) (order[start + r] >>> 32);
      int token = (int) order[start + r];
      TokenTagger.features(states[text], tokens[text], dimension, options.window(), token, x,
          r * inputs);
      int label = labels[text][token];
      targets[r * classes + label] = weights[label];
      total += weights[label];
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] /= (float) total; // the class-weighted mean cross-entropy
    }
    try (NDManager batch = store.getManager().newSubManager()) {
      NDArray input = batch.create(x, new Shape(rows, inputs));
      NDArray target = batch.create(targets, new Shape(rows, classes));
      try (GradientCollector gradients = engine.newGradientCollector()) {
        NDArray logits = net.forward(store, new NDList(input), true).singletonOrThrow();
        gradients.backward(logits.logSoftmax(1).mul(target).sum().neg());
      }
      store.updateAllParameters();
    }
  }

  private TokenTagger snapshot(Linear hidden, Linear output, List<String> classes,
      String encoder, int dimension, float[] transitions) {
    return new TokenTagger(classes, encoder, dimension, options.window(), layer(hidden),
        layer(output), transitions, null);
  }

  private static TokenTagger.Layer layer(Linear linear) {
    NDArray weight = linear.getParameters().get("weight").getArray();
    float[] w = weight.toFloatArray();
    for (float value : w) {
      if (!Float.isFinite(value)) {
        throw new IllegalStateException("training diverged; try a lower learning rate");
      }
    }
    return new TokenTagger.Layer((int) weight.getShape().get(1), (int) weight.getShape().get(0), w,
        linear.getParameters().get("bias").getArray().toFloatArray());
  }

  private static SplitScores score(TokenTagger tagger, float[][] states, int[] tokens,
      int[][] labels, float[] weights, long[] positions) {
    double loss = 0;
    double weight = 0;
    int correct = 0;
    int text = -1;
    float[][] p = null;
    for (long position : positions) {
      if ((int) (position >>> 32) != text) {
        text = (int) (position >>> 32);
        p = tagger.probabilities(states[text], tokens[text]);
      }
      int t = (int) position;
      int label = labels[text][t];
      loss -= weights[label] * Math.log(Math.max(p[t][label], 1e-12));
      weight += weights[label];
      correct += TokenTagger.argmax(p[t]) == label ? 1 : 0;
    }
    return new SplitScores(positions.length, weight == 0 ? 0 : loss / weight,
        positions.length == 0 ? 0 : (double) correct / positions.length);
  }

  /**
   * How much more (log) likely each tag is after each tag (row 0: at the start) than overall:
   * {@code log p(tag | previous) - log p(tag)} over the labeled tokens in order, add-one smoothed;
   * tokens not learned from ([CLS], [SEP]) are skipped over. The tagger's probabilities already
   * hold the prior p(tag), so only what the previous tag adds may be added to them.
   */
  static float[] transitions(int[][] labels, int classes) {
    double[] counts = new double[(classes + 1) * classes];
    double[] prior = new double[classes];
    java.util.Arrays.fill(counts, 1);
    java.util.Arrays.fill(prior, 1);
    for (int[] text : labels) {
      int previous = -1;
      for (int label : text) {
        if (label >= 0) {
          counts[(previous + 1) * classes + label]++;
          prior[label]++;
          previous = label;
        }
      }
    }
    double all = java.util.Arrays.stream(prior).sum();
    float[] result = new float[counts.length];
    for (int row = 0; row <= classes; row++) {
      double total = 0;
      for (int c = 0; c < classes; c++) {
        total += counts[row * classes + c];
      }
      for (int c = 0; c < classes; c++) {
        result[row * classes + c] =
            (float) (Math.log(counts[row * classes + c] / total) - Math.log(prior[c] / all));
      }
    }
    return result;
  }

  private float[] classWeights(int classes) {
    float[] weights = new float[classes];
    for (int c = 0; c < classes; c++) {
      weights[c] = options.classWeights().isEmpty() ? 1f : options.classWeights().get(c).floatValue();
    }
    return weights;
  }

  private static void shuffle(long[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
