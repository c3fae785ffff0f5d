package org.voc.eval.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.voc.models.TextEncoder;

/** Embeds a list of texts in chunks, reporting progress; the training recipes' one encoder loop. */
final class FeatureCache {

  private static final int CHUNK = 512;

  private FeatureCache() {}

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
