package org.voc.eval.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.TextEncoder;

/** Embeds a list of texts in chunks, reporting progress; the training recipes' one encoder loop. */
final class FeatureCache {

  private static final int CHUNK = 512;

  private FeatureCache() {}

  /** Like {@link #embed}, keeping the hidden states the encoder taps. */
  static OnnxTextEncoder.Encoded encode(OnnxTextEncoder encoder, List<String> texts, LongConsumer progress) {
    if (encoder.tapLayer() < 0) {
      return new OnnxTextEncoder.Encoded(embed(encoder, texts, progress), null, null);
    }
    float[][] vectors = new float[texts.size()][];
    float[][] hidden = new float[texts.size()][];
    int[] tokens = new int[texts.size()];
    for (int from = 0; from < texts.size(); from += CHUNK) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
      OnnxTextEncoder.Encoded encoded = encoder.encode(chunk);
      System.arraycopy(encoded.vectors(), 0, vectors, from, chunk.size());
      System.arraycopy(encoded.hidden(), 0, hidden, from, chunk.size());
      System.arraycopy(encoded.tokens(), 0, tokens, from, chunk.size());
      progress.accept(chunk.size());
    }
    return new OnnxTextEncoder.Encoded(vectors, hidden, tokens);
  }

  static float[][] embed(TextEncoder encoder, List<String> texts, LongConsumer progress) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += CHUNK) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
      for (float[] vector : encoder.embed(chunk)) {
        vectors.add(vector);
      }
      progress.accept(chunk.size());
    }
    return vectors.toArray(float[][]::new);
  }
}
