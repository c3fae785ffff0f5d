package org.voc.models;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline {@link EncoderThroughput} compares against: ONNX Runtime called directly, texts in
 * arrival order in fixed-size batches, padded either to the batch's longest text or to a fixed
 * width. Same model, tokenizer, pooling and thread count as {@link OnnxTextEncoder}; only the
 * batching differs.
 */
final class FixedBatchOnnxLoop implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final Pooling pooling;
  private final int maxTokens;

  FixedBatchOnnxLoop(EncoderModel model, EncoderSettings settings)
      throws IOException, OrtException {
    ClassLoader loader = getClass().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(model.modelResource());
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(settings.intraOpThreads());
      options.setInterOpNumThreads(1);
      options.addConfigEntry(
          "session.intra_op.allow_spinning", settings.spinWait() ? "1" : "0");
      session = env.createSession(in.readAllBytes(), options);
    }
    try (InputStream in = loader.getResourceAsStream(model.tokenizerResource())) {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              in,
              Map.of(
                  "padding", "false",
                  "truncation", "true",
                  "maxLength", Integer.toString(settings.maxTokens())));
    }
    this.pooling = model.pooling();
    this.maxTokens = settings.maxTokens();
  }

  /**
   * @param padToMaxTokens pad every batch to {@code maxTokens} instead of to its longest text
   */
  float[][] embed(List<String> texts, int batchSize, boolean padToMaxTokens) throws OrtException {
    float[][] vectors = new float[texts.size()][];
    for (int start = 0; start < texts.size(); start += batchSize) {
      List<String> slice = texts.subList(start, Math.min(texts.size(), start + batchSize));
      Encoding[] encodings = tokenizer.batchEncode(slice);
      int width = padToMaxTokens ? maxTokens : longest(encodings);
      float[][] pooled = run(encodings, width);
      System.arraycopy(pooled, 0, vectors, start, pooled.length);
    }
    return vectors;
  }

  /** Each text's token count after truncation, special tokens included. */
  int[] tokenLengths(List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    int[] lengths = new int[encodings.length];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = encodings[i].getIds().length;
    }
    return lengths;
  }

  private float[][] run(Encoding[] encodings, int width) throws OrtException {
    int rows = encodings.length;
    long[] ids = new long[rows * width];
    long[] mask = new long[ids.length];
    long[] types = new long[ids.length];
    for (int row = 0; row < rows; row++) {
      int length = encodings[row].getIds().length;
      System.arraycopy(encodings[row].getIds(), 0, ids, row * width, length);
      System.arraycopy(encodings[row].getAttentionMask(), 0, mask, row * width, length);
      System.arraycopy(encodings[row].getTypeIds(), 0, types, row * width, length);
    }
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[] flat = new float[hidden.remaining()];
        hidden.get(flat);
        return pooling.pool(flat, mask, rows, width, flat.length / (rows * width));
      }
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static int longest(Encoding[] encodings) {
    int longest = 0;
    for (Encoding encoding : encodings) {
      longest = Math.max(longest, encoding.getIds().length);
    }
    return longest;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    tokenizer.close();
  }
}
