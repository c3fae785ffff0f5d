package org.voc.models;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link SoftmaxHead} with DJL's PyTorch engine: a linear layer, softmax cross-entropy
 * (optionally class-weighted), Adam with L2 weight decay, shuffled mini-batches, and early stopping
 * on a stratified held-out share that keeps the best epoch's weights.
 *
 * <p>The same seed and data give the same weights on the same machine: the split and the batch
 * order come from a {@link Random} seeded with {@link TrainingOptions#seed}, and the weights start
 * at zero, which suits a convex problem like this one and keeps training independent of PyTorch's
 * process-wide random generator (other threads may draw from it). The engine is seeded as well, for
 * anything in PyTorch that draws at random.
 */
public final class SoftmaxHeadTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(SoftmaxHeadTrainer.class);

  private static final Object PYTORCH_TRAINING = new Object();

  private final TrainingOptions options;

  public SoftmaxHeadTrainer(TrainingOptions options) {
    this.options = options;
  }

  /** Trains a head whose classes are named {@code "0"} to {@code classes - 1}. */
  public SoftmaxHead train(float[][] features, int[] labels, int classes) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(Integer.toString(c));
    }
    return train(features, labels, names, "");
  }

  /**
   * @param features one vector per example, all of the same length
   * @param labels each example's class, an index into {@code classes}
   * @param classes the class names, saved with the head
   * @param encoder what produced the features (an encoder's name), saved with the head
   */
  public SoftmaxHead train(
      float[][] features, int[] labels, List<String> classes, String encoder) {
    check(features, labels, classes.size());
    DjlProcessSettings.apply();
    long start = System.nanoTime();
    Random random = new Random(options.seed());
    HeldOutSplit split =
        HeldOutSplit.stratified(labels, classes.size(), options.validationFraction(), random);
    Examples data = new Examples(features, labels, classWeights(classes.size()));
    LinearSoftmaxFit.Result fit;
    // DJL's PyTorch gradient collector is process-wide: one training at a time per JVM.
    synchronized (PYTORCH_TRAINING) {
      Engine engine = Engine.getEngine("PyTorch");
      engine.setRandomSeed(options.seed());
      fit = new LinearSoftmaxFit(options).run(engine, data, split, classes, encoder, random);
    }
    TrainingReport report =
        new TrainingReport(
            options,
            data.checksum(),
            fit.epochsRun(),
            fit.bestEpoch(),
            data.score(fit.head(), split.train()),
            split.validation().length == 0
                ? Optional.empty()
                : Optional.of(data.score(fit.head(), split.validation())));
    LOG.info(
        "Trained a {}-class head on {} x {} in {} ms: {}",
        classes.size(),
        features.length,
        data.dimension(),
        (System.nanoTime() - start) / 1_000_000,
        report);
    return new SoftmaxHead(classes, encoder, fit.head().weights(), fit.head().bias(), 1.0, report);
  }

  /**
   * Weights that make every class count as much in total: {@code n / (classes × count)}. A class
   * without examples gets 1.
   */
  public static List<Double> balancedClassWeights(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    List<Double> weights = new ArrayList<>();
    for (int count : counts) {
      weights.add(count == 0 ? 1.0 : (double) labels.length / ((double) classes * count));
    }
    return weights;
  }

  private float[] classWeights(int classes) {
    float[] weights = new float[classes];
    if (options.classWeights().isEmpty()) {
      Arrays.fill(weights, 1f);
      return weights;
    }
    if (options.classWeights().size() != classes) {
      throw new IllegalArgumentException(
          options.classWeights().size() + " class weights for " + classes + " classes");
    }
    for (int c = 0; c < classes; c++) {
      weights[c] = options.classWeights().get(c).floatValue();
    }
    return weights;
  }

  private static void check(float[][] features, int[] labels, int classes) {
    if (features.length == 0 || features.length != labels.length) {
      throw new IllegalArgumentException(
          features.length + " feature vectors for " + labels.length + " labels");
    }
    if (classes < 2) {
      throw new IllegalArgumentException("A classifier needs at least 2 classes");
    }
    int dimension = features[0].length;
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != dimension || dimension == 0) {
        throw new IllegalArgumentException("Feature vector " + i + " differs in length");
      }
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("Label " + labels[i] + " of example " + i);
      }
    }
  }
}
