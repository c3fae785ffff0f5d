package org.voc.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Tags every token of a text from an encoder's hidden states: a small MLP (one ReLU layer) over
 * the token's state and its {@code window} neighbours on each side, concatenated. Inference is
 * plain Java (a few hundred thousand multiply-adds per token); {@link TokenTaggerTrainer} trains
 * it. Immutable and thread-safe.
 *
 * @param classes tag names, e.g. {@code O}, {@code B}, {@code I}
 * @param encoder what made the states, e.g. {@code bge-small-en-v1.5@9} (encoder and tapped layer)
 * @param dimension width of one token's state
 * @param window neighbours on each side whose states are concatenated with the token's own
 * @param hidden {@code W1} is {@code [units][inputs]} row-major, {@code b1} is {@code [units]}
 * @param output {@code W2} is {@code [classes][units]} row-major, {@code b2} is {@code [classes]}
 * @param transitions how much the tag before makes each tag more likely, {@code log p(tag |
 *     previous) - log p(tag)}, {@code [classes + 1][classes]} row-major, row 0 for the first token;
 *     null to take each token's most probable tag alone
 * @param training how it was trained (options, data checksums, scores), as written by the trainer
 */
public record TokenTagger(
    List<String> classes,
    String encoder,
    int dimension,
    int window,
    Layer hidden,
    Layer output,
    float[] transitions,
    JsonNode training) {

  /** A dense layer: {@code y = W x + b}, {@code W} as {@code [outputs][inputs]} row-major. */
  public record Layer(int inputs, int outputs, float[] weights, float[] bias) {
    public Layer {
      if (weights.length != inputs * outputs || bias.length != outputs) {
        throw new IllegalArgumentException("layer of " + inputs + " x " + outputs + " has "
            + weights.length + " weights and " + bias.length + " biases");
      }
    }

    void apply(float[] x, int offset, float[] y) {
      for (int o = 0; o < outputs; o++) {
        double sum = bias[o];
        int row = o * inputs;
        for (int i = 0; i < inputs; i++) {
          sum += weights[row + i] * x[offset + i];
        }
        y[o] = (float) sum;
      }
    }
  }

  public TokenTagger {
    classes = List.copyOf(classes);
    if (hidden.inputs() != inputs(dimension, window) || output.inputs() != hidden.outputs()
        || output.outputs() != classes.size()) {
      throw new IllegalArgumentException("layers do not fit " + classes.size() + " classes, dimension "
          + dimension + " and window " + window);
    }
    if (transitions != null && transitions.length != (classes.size() + 1) * classes.size()) {
      throw new IllegalArgumentException("transitions must be [classes + 1][classes]");
    }
  }

  /** The width of one token's features: its state and {@code window} states on each side. */
  public static int inputs(int dimension, int window) {
    return dimension * (2 * window + 1);
  }

  /**
   * Writes token {@code t}'s features into {@code into} at {@code offset}: the states of tokens
   * {@code t - window .. t + window} of one text ({@code states} is {@code [tokens][dimension]}
   * flattened), zeros beyond its ends.
   */
  public static void features(float[] states, int tokens, int dimension, int window, int t,
      float[] into, int offset) {
    for (int k = -window; k <= window; k++) {
      int at = offset + (k + window) * dimension;
      int source = t + k;
      if (source < 0 || source >= tokens) {
        java.util.Arrays.fill(into, at, at + dimension, 0f);
      } else {
        System.arraycopy(states, source * dimension, into, at, dimension);
      }
    }
  }

  /** Per token, the probability of each class: {@code [tokens][classes]}. */
  public float[][] probabilities(float[] states, int tokens) {
    if (states.length != tokens * dimension) {
      throw new IllegalArgumentException(
          "expected " + tokens + " x " + dimension + " states, got " + states.length);
    }
    float[] x = new float[hidden.inputs()];
    float[] h = new float[hidden.outputs()];
    float[] logits = new float[output.outputs()];
    float[][] result = new float[tokens][];
    for (int t = 0; t < tokens; t++) {
      features(states, tokens, dimension, window, t, x, 0);
      hidden.apply(x, 0, h);
      for (int u = 0; u < h.length; u++) {
        h[u] = Math.max(0f, h[u]);
      }
      output.apply(h, 0, logits);
      result[t] = SoftmaxHead.softmax(logits, 1.0);
    }
    return result;
  }

  /** Per token, the index of the most probable class (ties to the lower index). */
  public int[] tags(float[] states, int tokens) {
    return decode(probabilities(states, tokens));
  }

  /**
   * The most probable tag sequence for a run of tokens with these class probabilities: with
   * transitions, the Viterbi path of {@code log p(tag | token) + transition(previous, tag)}, so
   * that "main course" is one term (B I) rather than two (B B); without, each token's argmax.
   */
  public int[] decode(float[][] probabilities) {
    int n = probabilities.length;
    int[] tags = new int[n];
    if (transitions == null) {
      for (int t = 0; t < n; t++) {
        tags[t] = argmax(probabilities[t]);
      }
      return tags;
    }
    int k = classes.size();
    double[][] score = new double[n][k];
    int[][] back = new int[n][k];
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < k; c++) {
        double emission = Math.log(Math.max(probabilities[t][c], 1e-9f));
        if (t == 0) {
          score[t][c] = emission + transitions[c];
          continue;
        }
        score[t][c] = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < k; p++) {
          double s = score[t - 1][p] + transitions[(p + 1) * k + c] + emission;
          if (s > score[t][c]) {
            score[t][c] = s;
            back[t][c] = p;
          }
        }
      }
    }
    for (int t = n - 1; t >= 0; t--) {
      tags[t] = t == n - 1 ? argmax(score[t]) : back[t + 1][tags[t + 1]];
    }
    return tags;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      best = values[c] > values[best] ? c : best;
    }
    return best;
  }

  /** The index of the largest value; a tie goes to the lower index. */
  static int argmax(float[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      best = values[c] > values[best] ? c : best;
    }
    return best;
  }

  /** The same tagger with {@code report} as its training record. */
  public TokenTagger withTraining(JsonNode report) {
    return new TokenTagger(classes, encoder, dimension, window, hidden, output, transitions, report);
  }

  public void save(Path file) throws IOException {
    TokenTaggerFile.write(this, file);
  }

  public static TokenTagger load(Path file) throws IOException {
    return TokenTaggerFile.read(file);
  }

  public static TokenTagger load(InputStream in, String source) throws IOException {
    return TokenTaggerFile.read(in, source);
  }
}
