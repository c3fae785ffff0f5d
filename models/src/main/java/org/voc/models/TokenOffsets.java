package org.voc.models;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

/** The character spans of a tokenizer's tokens, as Java string offsets. */
final class TokenOffsets {

  private TokenOffsets() {}

  /**
   * Per token {start, end} in {@code text}, or {-1, -1} for special tokens. The native tokenizer
   * counts Unicode code points, Java strings count UTF-16 units; the two differ after an emoji.
   */
  static int[][] utf16Spans(String text, Encoding encoding) {
    CharSpan[] spans = encoding.getCharTokenSpans();
    long[] special = encoding.getSpecialTokenMask();
    int[][] result = new int[spans.length][];
    boolean astral = text.codePointCount(0, text.length()) != text.length();
    for (int t = 0; t < spans.length; t++) {
      CharSpan span = spans[t];
      if (span == null || special[t] != 0) {
        result[t] = new int[] {-1, -1};
      } else if (astral) {
        result[t] = new int[] {utf16(text, span.getStart()), utf16(text, span.getEnd())};
      } else {
        result[t] = new int[] {span.getStart(), span.getEnd()};
      }
    }
    return result;
  }

  private static int utf16(String text, int codePoints) {
    int max = text.codePointCount(0, text.length());
    return text.offsetByCodePoints(0, Math.min(codePoints, max));
  }
}
