package org.voc.nlp;

/**
 * Limits on the work one document may cost. A text past either limit is analyzed up to it and its
 * analysis is marked truncated.
 *
 * @param maxSentences the most sentences analyzed per document
 * @param maxChars the most characters of cleaned text analyzed per document
 * @param maxKeyPhrases the most key phrases reported per document
 */
public record AnalyzerSettings(int maxSentences, int maxChars, int maxKeyPhrases) {

  public static final int DEFAULT_MAX_SENTENCES = 200;
  public static final int DEFAULT_MAX_CHARS = 20_000;
  public static final int DEFAULT_MAX_KEY_PHRASES = 10;

  public AnalyzerSettings {
    if (maxSentences < 1 || maxChars < 1 || maxKeyPhrases < 0) {
      throw new IllegalArgumentException(
          "limits must be positive: " + maxSentences + ", " + maxChars + ", " + maxKeyPhrases);
    }
  }

  public static AnalyzerSettings defaults() {
    return new AnalyzerSettings(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS, DEFAULT_MAX_KEY_PHRASES);
  }
}
