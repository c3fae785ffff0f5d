package org.voc.models;

import java.util.List;

/**
 * Turns sentences into fixed-size vectors whose dot product is their cosine similarity. Callers do
 * not see which engine runs the model; an implementation may be called from several threads at
 * once.
 */
public interface TextEncoder extends AutoCloseable {

  /** A stable id of the model, e.g. {@code all-minilm-l6-v2}, recorded beside what it produced. */
  String name();

  /** The length of every vector {@link #embed} returns. */
  int dimension();

  /**
   * One L2-normalized vector per text, in the order of {@code texts}; an empty list gives an empty
   * array. Texts longer than the model's token limit are truncated.
   */
  float[][] embed(List<String> texts);

  /** One text's vector; a convenience for {@code embed(List.of(text))[0]}. */
  default float[] embed(String text) {
    return embed(List.of(text))[0];
  }

  /** Releases the native model; {@link #embed} fails afterwards. */
  @Override
  void close();
}
