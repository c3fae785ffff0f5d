package org.voc.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * Feeds a padded {@link TokenBatch} to a BERT-style encoder and pools its last hidden state into
 * one unit vector per row. Stateless, so one instance serves every predictor.
 */
final class EncoderTranslator implements Translator<TokenBatch, EncoderTranslator.Output> {

  /**
   * One batch's pooled unit vectors (null when it pools none); when the encoder taps an inner
   * layer, that layer's hidden states {@code [rows][width][dim]} flattened (else null); when its
   * graph holds a tuned top, the top's class logits per row (else null).
   */
  record Output(float[][] vectors, float[] tapped, int dim, float[][] logits) {}

  private static final String MASK = "attention_mask";
  private static final String BATCH = "batch";

  private final List<String> inputNames;
  private final Pooling pooling;
  private final String tapName;
  private final String logitsName;

  /**
   * @param inputNames the model's inputs, in its order; some exports have no {@code
   *     token_type_ids}, so the model says which of the three it wants
   * @param pooling how the last hidden state becomes a vector, or null for an encoder whose graph
   *     gives only the tuned top's logits (then {@code logitsName} is required)
   * @param tapName the tapped layer's output, or null
   * @param logitsName the tuned top's logits output (see {@link TunedTopGraph}), or null
   */
  EncoderTranslator(List<String> inputNames, Pooling pooling, String tapName, String logitsName) {
    for (String name : inputNames) {
      if (!name.equals("input_ids") && !name.equals(MASK) && !name.equals("token_type_ids")) {
        throw new IllegalArgumentException("Not a BERT-style encoder input: " + name);
      }
    }
    if (pooling == null && logitsName == null) {
      throw new IllegalArgumentException("an encoder with no vectors must give logits");
    }
    this.inputNames = List.copyOf(inputNames);
    this.pooling = pooling;
    this.tapName = tapName;
    this.logitsName = logitsName;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
    NDManager manager = ctx.getNDManager();
    Shape shape = new Shape(batch.rows(), batch.width());
    NDList inputs = new NDList(inputNames.size());
    for (String name : inputNames) {
      long[] data =
          switch (name) {
            case "input_ids" -> batch.inputIds();
            case MASK -> batch.attentionMask();
            default -> batch.typeIds();
          };
      NDArray array = manager.create(data, shape);
      array.setName(name);
      inputs.add(array);
    }
    ctx.setAttachment(BATCH, batch);
    return inputs;
  }

  @Override
  public Output processOutput(TranslatorContext ctx, NDList outputs) {
    TokenBatch batch = (TokenBatch) ctx.getAttachment(BATCH);
    if (pooling == null) {
      return new Output(null, null, 0, logits(outputs, batch.rows()));
    }
    NDArray hidden = outputs.get("last_hidden_state");
    if (hidden == null) {
      hidden = outputs.get(0);
    }
    Shape shape = hidden.getShape();
    if (shape.dimension() != 3 || shape.get(0) != batch.rows() || shape.get(1) != batch.width()) {
      throw new IllegalStateException("Unexpected encoder output shape: " + shape);
    }
    int dim = Math.toIntExact(shape.get(2));
    float[][] vectors =
        pooling.pool(hidden.toFloatArray(), batch.attentionMask(), batch.rows(), batch.width(), dim);
    float[] tapped = null;
    if (tapName != null) {
      NDArray state = outputs.get(tapName);
      if (state == null || !state.getShape().equals(shape)) {
        throw new IllegalStateException("Encoder gave no " + tapName + " of shape " + shape);
      }
      tapped = state.toFloatArray();
    }
    return new Output(vectors, tapped, dim, logitsName == null ? null : logits(outputs, batch.rows()));
  }

  private float[][] logits(NDList outputs, int rows) {
    NDArray logits = outputs.get(logitsName);
    if (logits == null || logits.getShape().dimension() != 2 || logits.getShape().get(0) != rows) {
      throw new IllegalStateException("Encoder gave no " + logitsName + " of " + rows + " rows");
    }
    int classes = Math.toIntExact(logits.getShape().get(1));
    float[] flat = logits.toFloatArray();
    float[][] perRow = new float[rows][];
    for (int row = 0; row < rows; row++) {
      perRow[row] = java.util.Arrays.copyOfRange(flat, row * classes, (row + 1) * classes);
    }
    return perRow;
  }

  /** Batches are built by the caller, already padded; DJL must not stack them again. */
  @Override
  public Batchifier getBatchifier() {
    return null;
  }
}
