package org.voc.nlp;

/** One sentence of a text: its character span [start, end) in that text, and its text. */
public record Sentence(int start, int end, String text) {

  public Sentence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** How much text the sentence covers, in UTF-16 characters. */
  public int length() {
    return end - start;
  }
}
