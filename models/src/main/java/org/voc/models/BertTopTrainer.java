package org.voc.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.ParameterTracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes a {@link BertTop} on hidden states an encoder tapped below it: class-weighted
 * cross-entropy, Adam with a linear warm-up and decay, a higher learning rate for the classifier
 * than for the transformer layers, mini-batches of similar lengths in shuffled order, and after
 * each epoch a score on a stratified held-out share; the best epoch's weights are kept (lowest
 * held-out loss, or highest held-out accuracy, as {@link Options#keep} says).
 */
public final class BertTopTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(BertTopTrainer.class);

  /**
   * How to train; {@code classWeights} empty means every class weighs 1; {@code keep} says which
   * epoch's weights are kept.
   */
  public record Options(
      long seed,
      int epochs,
      double learningRate,
      double classifierLearningRate,
      int batchSize,
      double warmUpFraction,
      double validationFraction,
      List<Double> classWeights,
      Keep keep) {

    public Options {
      if (keep == null) {
        throw new IllegalArgumentException("keep is required");
      }
    }

    /** Keeps the epoch with the lowest held-out loss. */
    public Options(long seed, int epochs, double learningRate, double classifierLearningRate,
        int batchSize, double warmUpFraction, double validationFraction, List<Double> classWeights) {
      this(seed, epochs, learningRate, classifierLearningRate, batchSize, warmUpFraction,
          validationFraction, classWeights, Keep.LOWEST_LOSS);
    }
  }

  /**
   * Which epoch's weights training keeps. The held-out loss can rise while accuracy still climbs
   * (the model grows more confident on the examples it gets wrong); where accuracy is what is
   * published, keep by accuracy (ties go to the lower loss).
   */
  public enum Keep {
    LOWEST_LOSS,
    HIGHEST_ACCURACY;

    boolean better(SplitScores candidate, SplitScores best) {
      if (best == null) {
        return true;
      }
      return switch (this) {
        case LOWEST_LOSS -> candidate.loss() < best.loss();
        case HIGHEST_ACCURACY -> candidate.accuracy() > best.accuracy()
            || candidate.accuracy() == best.accuracy() && candidate.loss() < best.loss();
      };
    }
  }

  /**
   * Scores of the kept weights, which epoch they come from, how many times training diverged and
   * went back to its last checkpoint at half the learning rate, and how many batches it skipped
   * because their gradient was not a finite number.
   */
  public record Report(Options options, int trainingExamples, int bestEpoch,
      List<SplitScores> validationByEpoch, int recoveries, int skippedGradients) {}

  private enum Step { APPLIED, LOSS_NOT_FINITE, GRADIENT_NOT_FINITE }

  private static final int CHECKPOINT_STEPS = 200;
  private static final int MAX_RECOVERIES = 4;

  private final Options options;

  public BertTopTrainer(Options options) {
    this.options = options;
  }

  /**
   * Trains {@code top} in place and leaves the best epoch's weights in it.
   *
   * @param hidden per example the tapped hidden states {@code [tokens[i]][dim]} flattened
   * @param progress called with the number of examples of each finished step
   */
  public Report train(
      BertTop top, float[][] hidden, int[] tokens, int[] labels, IntConsumer progress) {
    Random random = new Random(options.seed());
    int classes = top.classes().size();
    HeldOutSplit split =
        HeldOutSplit.stratified(labels, classes, options.validationFraction(), random);
    float[] weights = classWeights(classes);
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) options.seed());
    int stepsPerEpoch = (split.train().length + options.batchSize() - 1) / options.batchSize();
    int totalSteps = stepsPerEpoch * options.epochs();
    Set<String> classifierIds = new HashSet<>();
    for (Map.Entry<String, Parameter> e : top.parameters().entrySet()) {
      e.getValue().getArray().setRequiresGradient(true);
      if (e.getKey().startsWith("classifier.")) {
        classifierIds.add(e.getValue().getId());
      }
    }
    ParameterStore store = store(engine, top, totalSteps, classifierIds, 0, 1.0);
    List<SplitScores> scores = new ArrayList<>();
    Map<String, OnnxGraph.Tensor> best = top.weights();
    Map<String, OnnxGraph.Tensor> checkpoint = best;
    SplitScores bestScore = null;
    int bestEpoch = 0;
    int steps = 0;
    int recoveries = 0;
    int skipped = 0;
    double scale = 1.0;
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      long start = System.nanoTime();
      for (int[] batch : batches(split.train(), tokens, random)) {
        steps++;
        Step done = step(top, store, hidden, tokens, labels, weights, batch, classes);
        if (done == Step.APPLIED) {
          if (steps % CHECKPOINT_STEPS == 0) {
            checkpoint = top.weights();
          }
        } else if (done == Step.GRADIENT_NOT_FINITE) {
          skipped++;
          LOG.warn("epoch {} step {}: skipped a batch whose gradient is not finite (lengths {})", epoch, steps,
              Arrays.stream(batch).map(i -> tokens[i]).boxed().toList());
        } else if (!finite(top)) {
          // Diverged: back to the last good weights, a fresh optimizer at half the rate.
          recoveries++;
          scale /= 2;
          LOG.warn("epoch {} step {}: weights diverged; back to step {} at {} x the learning rate",
              epoch, steps, steps - steps % CHECKPOINT_STEPS, scale);
          if (recoveries > MAX_RECOVERIES) {
            throw new IllegalStateException("fine-tuning diverged " + recoveries
                + " times; try a lower learning rate");
          }
          top.setWeights(checkpoint);
          store = store(engine, top, totalSteps, classifierIds, steps, scale);
        } else {
          LOG.warn("epoch {}: skipped a batch whose loss is not finite (lengths {})", epoch,
              Arrays.stream(batch).map(i -> tokens[i]).boxed().toList());
        }
        progress.accept(batch.length);
      }
      SplitScores score = score(top, hidden, tokens, labels, weights, split.validation());
      scores.add(score);
      LOG.info("epoch {}: {} in {} s", epoch, score, (System.nanoTime() - start) / 1_000_000_000);
      if (options.keep().better(score, bestScore) || split.validation().length == 0) {
        bestScore = score;
        bestEpoch = epoch;
        best = top.weights();
      }
    }
    top.setWeights(best);
    return new Report(options, split.train().length, bestEpoch, scores, recoveries, skipped);
  }

  private ParameterStore store(Engine engine, BertTop top, int totalSteps,
      Set<String> classifierIds, int stepsDone, double scale) {
    Adam adam = Adam.builder()
        .optLearningRateTracker(schedule(totalSteps, classifierIds, stepsDone, scale))
        .optClipGrad(1f)
        .build();
    NDManager base = top.parameters().values().iterator().next().getArray().getManager();
    ParameterStore store = new ParameterStore(base, false);
    store.setParameterServer(engine.newParameterServer(adam), new Device[] {Device.cpu()});
    return store;
  }

  private static boolean finite(BertTop top) {
    for (OnnxGraph.Tensor tensor : top.weights().values()) {
      for (float value : tensor.data()) {
        if (!Float.isFinite(value)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * One Adam step, unless the loss or a gradient is not a finite number. A finite loss can have a
   * NaN gradient (tuning bge-small's layers 1-11 met two such batches in a run; 2-11, before this
   * check, diverged in its sixth step at a near-zero learning rate); applied, it would turn every
   * weight into NaN, so the batch is skipped instead.
   */
  private Step step(BertTop top, ParameterStore store, float[][] hidden, int[] tokens,
      int[] labels, float[] weights, int[] batch, int classes) {
    try (NDManager manager = store.getManager().newSubManager()) {
      NDArray[] padded = BertTop.pad(manager, hidden, tokens, batch, top.shape().hidden());
      NDArray targets = manager.create(targets(labels, weights, batch, classes),
          new Shape(batch.length, classes));
      try (GradientCollector gradients = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray logits = top.logits(store, padded[0], padded[1], true);
        NDArray loss = logits.logSoftmax(1).mul(targets).sum().neg();
        float value = loss.getFloat();
        if (!Float.isFinite(value)) {
          return Step.LOSS_NOT_FINITE;
        }
        gradients.backward(loss);
      }
      if (!finiteGradients(top.parameters().values())) {
        zeroGradients(top.parameters().values());
        return Step.GRADIENT_NOT_FINITE;
      }
      store.updateAllParameters();
      return Step.APPLIED;
    }
  }

  /** Whether every gradient of {@code parameters} is a finite number. */
  static boolean finiteGradients(Collection<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      try (NDArray gradient = parameter.getArray().getGradient();
          NDArray magnitude = gradient.abs();
          NDArray sum = magnitude.sum()) {
        if (!Float.isFinite(sum.getFloat())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Sets the gradients to zero in place, as the parameter server's update does after an applied
   * step, natively (subtracting a NaN gradient from itself would leave
   * it NaN; {@code set(float[])} would hand PyTorch a Java buffer that is freed with the handle, and a
   * run crashed in libc minutes after one such skip).
   */
  static void zeroGradients(Collection<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      try (NDArray gradient = parameter.getArray().getGradient()) {
        gradient.set(new NDIndex(":"), 0f);
      }
    }
  }

  /** Each row holds its class weight over the batch's total at its label: a weighted mean. */
  private static float[] targets(int[] labels, float[] weights, int[] batch, int classes) {
    float total = 0;
    for (int i : batch) {
      total += weights[labels[i]];
    }
    float[] targets = new float[batch.length * classes];
    for (int row = 0; row < batch.length; row++) {
      targets[row * classes + labels[batch[row]]] = weights[labels[batch[row]]] / total;
    }
    return targets;
  }

  private static SplitScores score(BertTop top, float[][] hidden, int[] tokens, int[] labels,
      float[] weights, int[] examples) {
    if (examples.length == 0) {
      return new SplitScores(0, Double.NaN, Double.NaN);
    }
    float[][] subset = new float[examples.length][];
    int[] subsetTokens = new int[examples.length];
    for (int i = 0; i < examples.length; i++) {
      subset[i] = hidden[examples[i]];
      subsetTokens[i] = tokens[examples[i]];
    }
    float[][] p = top.probabilities(subset, subsetTokens);
    double loss = 0;
    double weightSum = 0;
    int correct = 0;
    for (int i = 0; i < examples.length; i++) {
      int label = labels[examples[i]];
      loss -= weights[label] * Math.log(Math.max(p[i][label], 1e-12));
      weightSum += weights[label];
      int argmax = 0;
      for (int c = 1; c < p[i].length; c++) {
        argmax = p[i][c] > p[i][argmax] ? c : argmax;
      }
      correct += argmax == label ? 1 : 0;
    }
    return new SplitScores(examples.length, loss / weightSum, (double) correct / examples.length);
  }

  /**
   * Batches of similar length in random order: the examples are shuffled, cut into windows of 50
   * batches, each window sorted by length and cut into batches, and the batches shuffled.
   */
  private List<int[]> batches(int[] train, int[] tokens, Random random) {
    int[] order = train.clone();
    HeldOutSplit.shuffle(order, random);
    int size = options.batchSize();
    List<int[]> batches = new ArrayList<>();
    for (int start = 0; start < order.length; start += size * 50) {
      int[] window = Arrays.copyOfRange(order, start, Math.min(order.length, start + size * 50));
      Integer[] boxed = Arrays.stream(window).boxed().toArray(Integer[]::new);
      Arrays.sort(boxed, (a, b) -> Integer.compare(tokens[a], tokens[b]));
      for (int from = 0; from < boxed.length; from += size) {
        int to = Math.min(boxed.length, from + size);
        batches.add(Arrays.stream(boxed, from, to).mapToInt(Integer::intValue).toArray());
      }
    }
    for (int i = batches.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int[] swap = batches.get(i);
      batches.set(i, batches.get(j));
      batches.set(j, swap);
    }
    return batches;
  }

  /**
   * Linear warm-up, then linear decay to zero; the classifier's rate is its own. A restarted
   * optimizer counts its updates from 1 again, so {@code stepsDone} places it on the schedule.
   */
  private ParameterTracker schedule(int totalSteps, Set<String> classifierIds, int stepsDone,
      double scale) {
    int warmUp = Math.max(1, (int) (totalSteps * options.warmUpFraction()));
    return (parameterId, count) -> {
      int update = count + stepsDone;
      double peak = classifierIds.contains(parameterId)
          ? options.classifierLearningRate() : options.learningRate();
      double factor = update < warmUp
          ? (double) (update + 1) / warmUp
          : Math.max(0.0, (double) (totalSteps - update) / Math.max(1, totalSteps - warmUp));
      return (float) (peak * factor * scale);
    };
  }

  private float[] classWeights(int classes) {
    float[] weights = new float[classes];
    Arrays.fill(weights, 1f);
    if (!options.classWeights().isEmpty()) {
      for (int c = 0; c < classes; c++) {
        weights[c] = options.classWeights().get(c).floatValue();
      }
    }
    return weights;
  }
}
