package org.voc.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A linear softmax classifier over a feature vector: {@code softmax((W x + b) / T)}. Inference is
 * a few hundred multiply-adds, so it runs in plain Java with no engine; training is {@link
 * SoftmaxHeadTrainer}'s job. Immutable and thread-safe.
 *
 * <p>The same head serves sentiment over sentence vectors, a stacking ensemble over other models'
 * probabilities and intent classification; {@link #encoder()} records what made the features so
 * that a head is never applied to vectors from another model.
 */
public final class SoftmaxHead {

  private final List<String> classes;
  private final String encoder;
  private final int dimension;
  private final float[] weights; // [classes][dimension], row-major
  private final float[] bias;
  private final double temperature;
  private final TrainingReport training;

  /**
   * @param weights {@code [classes][dimension]}
   * @param temperature divides the logits: above 1 softens the probabilities, below 1 sharpens them
   * @param training how the head was trained, or {@code null} when unknown
   */
  public SoftmaxHead(
      List<String> classes,
      String encoder,
      float[][] weights,
      float[] bias,
      double temperature,
      TrainingReport training) {
    this(classes, encoder, dimension(weights), flatten(weights), bias.clone(), temperature, training);
  }

  private SoftmaxHead(
      List<String> classes,
      String encoder,
      int dimension,
      float[] weights,
      float[] bias,
      double temperature,
      TrainingReport training) {
    this.classes = List.copyOf(classes);
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.dimension = dimension;
    this.weights = weights;
    this.bias = bias;
    this.temperature = temperature;
    this.training = training;
    if (this.classes.size() < 2) {
      throw new IllegalArgumentException("A classifier needs at least 2 classes: " + classes);
    }
    if (weights.length != this.classes.size() * dimension || bias.length != this.classes.size()) {
      throw new IllegalArgumentException(
          "weights must be [" + this.classes.size() + "][dim] and bias [" + this.classes.size() + "]");
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive: " + temperature);
    }
  }

  public List<String> classes() {
    return classes;
  }

  /** What produced the features, e.g. {@code all-minilm-l6-v2}. */
  public String encoder() {
    return encoder;
  }

  public int dimension() {
    return dimension;
  }

  public double temperature() {
    return temperature;
  }

  public Optional<TrainingReport> training() {
    return Optional.ofNullable(training);
  }

  /** A copy of the weights, {@code [classes][dimension]}. */
  public float[][] weights() {
    float[][] rows = new float[classes.size()][dimension];
    for (int c = 0; c < rows.length; c++) {
      System.arraycopy(weights, c * dimension, rows[c], 0, dimension);
    }
    return rows;
  }

  public float[] bias() {
    return bias.clone();
  }

  /** {@code W x + b}, before temperature and softmax. */
  public float[] logits(float[] x) {
    if (x.length != dimension) {
      throw new IllegalArgumentException("Expected " + dimension + " features, got " + x.length);
    }
    float[] logits = new float[bias.length];
    for (int c = 0; c < logits.length; c++) {
      double sum = bias[c];
      int row = c * dimension;
      for (int d = 0; d < dimension; d++) {
        sum += (double) weights[row + d] * x[d];
      }
      logits[c] = (float) sum;
    }
    return logits;
  }

  /** One probability per class, in the order of {@link #classes()}; they sum to 1. */
  public float[] probabilities(float[] x) {
    return softmax(logits(x), temperature);
  }

  /** The index of the most probable class; a tie goes to the lower index. */
  public int predict(float[] x) {
    float[] logits = logits(x);
    int best = 0;
    for (int c = 1; c < logits.length; c++) {
      if (logits[c] > logits[best]) {
        best = c;
      }
    }
    return best;
  }

  public SoftmaxHead withTemperature(double value) {
    return new SoftmaxHead(classes, encoder, dimension, weights, bias, value, training);
  }

  /** Writes the head as a self-describing JSON file (see {@link SoftmaxHeadFile}). */
  public void save(Path file) throws IOException {
    SoftmaxHeadFile.write(this, file);
  }

  public static SoftmaxHead load(Path file) throws IOException {
    return SoftmaxHeadFile.read(file);
  }

  /** Loads a head shipped on the classpath, e.g. {@code org/voc/models/sst2-minilm.head.json}. */
  public static SoftmaxHead loadResource(String resource) throws IOException {
    return SoftmaxHeadFile.readResource(resource);
  }

  /** The probabilities of {@code logits} divided by {@code temperature}. */
  public static float[] softmax(float[] logits, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (float logit : logits) {
      max = Math.max(max, logit / temperature);
    }
    // Shifted by the maximum so that exp never overflows.
    double[] exp = new double[logits.length];
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      exp[c] = Math.exp(logits[c] / temperature - max);
      sum += exp[c];
    }
    float[] probabilities = new float[logits.length];
    for (int c = 0; c < logits.length; c++) {
      probabilities[c] = (float) (exp[c] / sum);
    }
    return probabilities;
  }

  private static int dimension(float[][] weights) {
    if (weights.length == 0 || weights[0].length == 0) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    return weights[0].length;
  }

  private static float[] flatten(float[][] rows) {
    int dimension = rows[0].length;
    float[] flat = new float[rows.length * dimension];
    for (int c = 0; c < rows.length; c++) {
      if (rows[c].length != dimension) {
        throw new IllegalArgumentException("weights rows differ in length");
      }
      System.arraycopy(rows[c], 0, flat, c * dimension, dimension);
    }
    return flat;
  }
}
