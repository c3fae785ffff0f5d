package org.voc.models;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Labelled feature vectors with a weight per class: what a head is trained and scored on. */
final class Examples {

  /**
   * One mini-batch, flattened row-major.
   *
   * @param targets {@code [rows][classes]}: at each example's label its class weight divided by
   *     the batch's total weight, 0 elsewhere
   */
  record Batch(float[] features, float[] targets) {}

  private final float[][] features;
  private final int[] labels;
  private final float[] classWeights;

  Examples(float[][] features, int[] labels, float[] classWeights) {
    this.features = features;
    this.labels = labels;
    this.classWeights = classWeights;
  }

  int dimension() {
    return features[0].length;
  }

  /** The examples {@code order[start .. start + rows)}; null when they all weigh 0. */
  Batch batch(int[] order, int start, int rows) {
    int dimension = dimension();
    int classes = classWeights.length;
    float[] x = new float[rows * dimension];
    float[] targets = new float[rows * classes];
    double total = 0;
    for (int row = 0; row < rows; row++) {
      int example = order[start + row];
      System.arraycopy(features[example], 0, x, row * dimension, dimension);
      total += classWeights[labels[example]];
    }
    if (total <= 0) {
      return null;
    }
    for (int row = 0; row < rows; row++) {
      int label = labels[order[start + row]];
      targets[row * classes + label] = (float) (classWeights[label] / total);
    }
    return new Batch(x, targets);
  }

  /** Class-weighted mean cross-entropy and plain accuracy of {@code head} on {@code indices}. */
  SplitScores score(SoftmaxHead head, int[] indices) {
    double loss = 0;
    double weight = 0;
    int correct = 0;
    for (int i : indices) {
      float[] probabilities = head.probabilities(features[i]);
      double w = classWeights[labels[i]];
      // Floored so that one confident mistake gives a large but finite loss.
      loss -= w * Math.log(Math.max(probabilities[labels[i]], 1e-12));
      weight += w;
      if (argmax(probabilities) == labels[i]) {
        correct++;
      }
    }
    return new SplitScores(
        indices.length,
        weight > 0 ? loss / weight : 0,
        indices.length > 0 ? (double) correct / indices.length : 0);
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * SHA-256 over the example count, the dimension, every float's bits and the labels,
   * little-endian, so that a head records exactly which data it was trained on.
   */
  String checksum() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          ByteBuffer.allocate(8)
              .order(ByteOrder.LITTLE_ENDIAN)
              .putInt(features.length)
              .putInt(dimension())
              .array());
      ByteBuffer row =
          ByteBuffer.allocate(dimension() * Float.BYTES + Integer.BYTES)
              .order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < features.length; i++) {
        row.clear();
        row.asFloatBuffer().put(features[i]);
        row.putInt(dimension() * Float.BYTES, labels[i]);
        digest.update(row.array());
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
