package org.voc.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Random;

/**
 * The training loop of {@link SoftmaxHeadTrainer} on a DJL engine: epochs of shuffled
 * mini-batches, Adam steps, and after each epoch a copy of the weights scored on the held-out
 * examples; the best copy is kept.
 *
 * <p>The loop is written out rather than run by DJL's {@code Trainer}, whose first-step check
 * rejects a softmax layer's gradients: they sum to exactly zero across classes, which it takes for
 * "no gradient".
 */
final class LinearSoftmaxFit {

  /** The kept weights, how many epochs ran and which one the weights come from. */
  record Result(SoftmaxHead head, int epochsRun, int bestEpoch) {}

  private final TrainingOptions options;

  LinearSoftmaxFit(TrainingOptions options) {
    this.options = options;
  }

  Result run(
      Engine engine,
      Examples data,
      HeldOutSplit split,
      List<String> classes,
      String encoder,
      Random random) {
    try (NDManager manager = engine.newBaseManager(Device.cpu())) {
      Block linear = Linear.builder().setUnits(classes.size()).build();
      linear.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
      linear.initialize(
          manager, DataType.FLOAT32, new Shape(options.batchSize(), data.dimension()));
      ParameterStore store = new ParameterStore(manager, false);
      store.setParameterServer(engine.newParameterServer(adam()), new Device[] {Device.cpu()});
      SoftmaxHead best = null;
      double bestLoss = Double.POSITIVE_INFINITY;
      int bestEpoch = 0;
      int epoch = 0;
      int[] order = split.train().clone();
      while (epoch < options.epochs()) {
        epoch++;
        HeldOutSplit.shuffle(order, random);
        runEpoch(engine, linear, store, data, order, classes.size());
        SoftmaxHead current = snapshot(linear.getParameters(), classes, encoder, data.dimension());
        double loss =
            split.validation().length == 0
                ? Double.NEGATIVE_INFINITY // nothing held out: the last epoch is the best
                : data.score(current, split.validation()).loss();
        if (loss < bestLoss || split.validation().length == 0) {
          bestLoss = loss;
          best = current;
          bestEpoch = epoch;
        } else if (epoch - bestEpoch >= options.patience()) {
          break;
        }
      }
      return new Result(best, epoch, bestEpoch);
    }
  }

  private Adam adam() {
    return Adam.builder()
        .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
        .optWeightDecays((float) options.weightDecay())
        .build();
  }

  private void runEpoch(
      Engine engine, Block linear, ParameterStore store, Examples data, int[] order, int classes) {
    for (int start = 0; start < order.length; start += options.batchSize()) {
      int rows = Math.min(options.batchSize(), order.length - start);
      Examples.Batch batch = data.batch(order, start, rows);
      if (batch == null) {
        continue; // every example in it weighs 0
      }
      try (NDManager manager = store.getManager().newSubManager()) {
        NDArray x = manager.create(batch.features(), new Shape(rows, data.dimension()));
        NDArray targets = manager.create(batch.targets(), new Shape(rows, classes));
        try (GradientCollector gradients = engine.newGradientCollector()) {
          NDArray logits = linear.forward(store, new NDList(x), true).singletonOrThrow();
          // Targets hold each example's class weight over the batch's total at its label, so
          // this is the class-weighted mean cross-entropy.
          NDArray loss = logits.logSoftmax(1).mul(targets).sum().neg();
          gradients.backward(loss);
        }
        // Adam steps and then zeroes the gradients.
        store.updateAllParameters();
      }
    }
  }

  private static SoftmaxHead snapshot(
      ParameterList parameters, List<String> classes, String encoder, int dimension) {
    float[] flat = parameters.get("weight").getArray().toFloatArray();
    float[] bias = parameters.get("bias").getArray().toFloatArray();
    for (float value : flat) {
      if (!Float.isFinite(value)) {
        throw new IllegalStateException("Training diverged; try a lower learning rate");
      }
    }
    float[][] weights = new float[classes.size()][dimension];
    for (int c = 0; c < weights.length; c++) {
      System.arraycopy(flat, c * dimension, weights[c], 0, dimension);
    }
    return new SoftmaxHead(classes, encoder, weights, bias, 1.0, null);
  }
}
