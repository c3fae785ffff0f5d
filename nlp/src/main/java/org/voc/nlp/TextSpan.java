package org.voc.nlp;

/** A piece of the cleaned text: characters [start, end) and what they say. */
public record TextSpan(int start, int end, String text) {

  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The span [start, end) of {@code text}. */
  public static TextSpan of(String text, int start, int end) {
    return new TextSpan(start, end, text.substring(start, end));
  }
}
