package org.voc.models;

import ai.djl.huggingface.tokenizers.Encoding;

/**
 * Tokenized texts padded to the longest of them: the three inputs of a BERT-style encoder,
 * flattened row-major as {@code [rows][width]}.
 *
 * @param positions where each row's text stands in the caller's list
 */
record TokenBatch(int[] positions, int width, long[] inputIds, long[] attentionMask, long[] typeIds) {

  int rows() {
    return positions.length;
  }

  /** Pads the encodings at {@code positions} with id 0 and mask 0 to the longest one. */
  static TokenBatch pad(Encoding[] encodings, int[] positions) {
    int width = 0;
    for (int position : positions) {
      width = Math.max(width, encodings[position].getIds().length);
    }
    long[] ids = new long[positions.length * width];
    long[] mask = new long[ids.length];
    long[] types = new long[ids.length];
    for (int row = 0; row < positions.length; row++) {
      Encoding encoding = encodings[positions[row]];
      int length = encoding.getIds().length;
      System.arraycopy(encoding.getIds(), 0, ids, row * width, length);
      System.arraycopy(encoding.getAttentionMask(), 0, mask, row * width, length);
      System.arraycopy(encoding.getTypeIds(), 0, types, row * width, length);
    }
    return new TokenBatch(positions, width, ids, mask, types);
  }
}
