package org.voc.index;

import java.util.List;
import org.voc.nlp.DocumentKey;

/**
 * A document drawn for clustering: its key, its embedding as indexed (unit length) and its key
 * phrases (lower-cased).
 */
public record VectorSample(DocumentKey key, float[] vector, List<String> keyPhrases) {

  public VectorSample {
    keyPhrases = List.copyOf(keyPhrases);
  }
}
