package org.voc.models;

/**
 * How a sentence vector is made from a transformer's per-token outputs. Which one is right is a
 * property of how the model was trained, not a choice: MiniLM sentence-transformers were trained
 * with the mean, BGE with the {@code [CLS]} token.
 */
public enum Pooling {
  /** The mean of the token vectors the attention mask marks as real (padding excluded). */
  MEAN,
  /** The vector of the first token, {@code [CLS]}. */
  CLS;

  /**
   * Pools one batch of hidden states and L2-normalizes the results.
   *
   * @param hidden {@code [rows][width][dim]} flattened row-major
   * @param mask {@code [rows][width]} flattened, 1 for a real token and 0 for padding
   */
  float[][] pool(float[] hidden, long[] mask, int rows, int width, int dim) {
    float[][] vectors = new float[rows][];
    for (int row = 0; row < rows; row++) {
      float[] vector = this == CLS ? first(hidden, row, width, dim) : mean(hidden, mask, row, width, dim);
      vectors[row] = normalize(vector);
    }
    return vectors;
  }

  private static float[] first(float[] hidden, int row, int width, int dim) {
    float[] vector = new float[dim];
    System.arraycopy(hidden, row * width * dim, vector, 0, dim);
    return vector;
  }

  private static float[] mean(float[] hidden, long[] mask, int row, int width, int dim) {
    // Summed in double: a 512-token sum of floats loses digits the batching test compares.
    double[] sum = new double[dim];
    int tokens = 0;
    for (int t = 0; t < width; t++) {
      if (mask[row * width + t] == 0) {
        continue;
      }
      tokens++;
      int offset = (row * width + t) * dim;
      for (int d = 0; d < dim; d++) {
        sum[d] += hidden[offset + d];
      }
    }
    float[] vector = new float[dim];
    for (int d = 0; d < dim; d++) {
      vector[d] = (float) (sum[d] / Math.max(tokens, 1));
    }
    return vector;
  }

  static float[] normalize(float[] vector) {
    double squares = 0;
    for (float v : vector) {
      squares += (double) v * v;
    }
    // A zero vector stays zero rather than becoming NaN.
    double norm = Math.max(Math.sqrt(squares), 1e-12);
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) (vector[i] / norm);
    }
    return vector;
  }
}
