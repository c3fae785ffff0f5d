package org.voc.models;

import java.util.List;

/**
 * How a {@link SoftmaxHeadTrainer} trains: Adam on mini-batches, L2 weight decay, early stopping
 * on a held-out fraction of the data. Build with {@link #builder()}.
 *
 * @param seed fixes the held-out split and the order of examples in every epoch
 * @param epochs the most passes over the training data
 * @param learningRate Adam's step size
 * @param weightDecay L2 penalty on the parameters, added to the gradient by Adam
 * @param batchSize examples per step
 * @param validationFraction the share of each class held out to pick the best epoch and stop
 *     early; 0 trains on everything for {@code epochs} epochs
 * @param patience stop after this many epochs without a lower held-out loss
 * @param classWeights one weight per class scaling its examples' loss (see {@link
 *     SoftmaxHeadTrainer#balancedClassWeights}); empty for equal weights
 */
public record TrainingOptions(
    int seed,
    int epochs,
    double learningRate,
    double weightDecay,
    int batchSize,
    double validationFraction,
    int patience,
    List<Double> classWeights) {

  public TrainingOptions {
    if (epochs < 1 || batchSize < 1 || patience < 1) {
      throw new IllegalArgumentException("epochs, batchSize and patience must be positive");
    }
    if (!(learningRate > 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("learningRate must be > 0 and weightDecay >= 0");
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validationFraction must be in [0, 1)");
    }
    classWeights = List.copyOf(classWeights);
    for (double weight : classWeights) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("class weights must be finite and >= 0: " + weight);
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .seed(seed)
        .epochs(epochs)
        .learningRate(learningRate)
        .weightDecay(weightDecay)
        .batchSize(batchSize)
        .validationFraction(validationFraction)
        .patience(patience)
        .classWeights(classWeights);
  }

  /** Starts from defaults that suit a linear head over unit-length sentence vectors. */
  public static final class Builder {
    private int seed = 42;
    private int epochs = 100;
    private double learningRate = 0.01;
    private double weightDecay = 1e-4;
    private int batchSize = 64;
    private double validationFraction = 0.1;
    private int patience = 5;
    private List<Double> classWeights = List.of();

    private Builder() {}

    public Builder seed(int value) {
      seed = value;
      return this;
    }

    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    public Builder weightDecay(double value) {
      weightDecay = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder validationFraction(double value) {
      validationFraction = value;
      return this;
    }

    public Builder patience(int value) {
      patience = value;
      return this;
    }

    public Builder classWeights(List<Double> value) {
      classWeights = value;
      return this;
    }

    public TrainingOptions build() {
      return new TrainingOptions(
          seed,
          epochs,
          learningRate,
          weightDecay,
          batchSize,
          validationFraction,
          patience,
          classWeights);
    }
  }
}
