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
   * One batch's pooled unit vectors and, when the encoder taps an inner layer, that layer's hidden
   * states {@code [rows][width][dim]} flattened (else null).
   */
  record Output(float[][] vectors, float[] tapped, int dim) {}

  private static final String MASK = "attention_mask";
  private static final String BATCH = "batch";

  private final List<String> inputNames;
  private final Pooling pooling;
  private final String tapName;

  /**
   * @param inputNames the model's inputs, in its order; some exports have no {@code
   *     token_type_ids}, so the model says which of the three it wants
   */
  EncoderTranslator(List<String> inputNames, Pooling pooling, String tapName) {
    for (String name : inputNames) {
      if (!name.equals("input_ids") && !name.equals(MASK) && !name.equals("token_type_ids")) {
        throw new IllegalArgumentException("Not a BERT-style encoder input: " + name);
      }
    }
    this.inputNames = List.copyOf(inputNames);
    this.pooling = pooling;
    this.tapName = tapName;
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
    if (tapName == null) {
      return new Output(vectors, null, dim);
    }
    NDArray tapped = outputs.get(tapName);
    if (tapped == null || !tapped.getShape().equals(shape)) {
      throw new IllegalStateException("Encoder gave no " + tapName + " of shape " + shape);
    }
    return new Output(vectors, tapped.toFloatArray(), dim);
  }

  /** Batches are built by the caller, already padded; DJL must not stack them again. */
  @Override
  public Batchifier getBatchifier() {
    return null;
  }
}
