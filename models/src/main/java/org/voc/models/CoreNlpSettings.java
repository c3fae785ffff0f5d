package org.voc.models;

import java.util.Objects;

/**
 * How the CoreNLP pipeline is built: which models it loads and how long a sentence may be before it
 * is cut into pieces. The model paths are classpath resources, so nothing is fetched at run time.
 *
 * @param maxSentenceTokens a sentence with more tokens is cut into pieces of at most this many
 *     tokens before parsing; it also bounds the parser itself ({@code parse.maxlen})
 * @param posModel the part-of-speech tagger the shift-reduce parser needs
 * @param parserModel the constituency parser; the shift-reduce one is fast and linear in length
 * @param sentimentModel the recursive sentiment network that runs over the binarized parse
 * @param tokenizerOptions options for CoreNLP's PTB tokenizer ({@code tokenize.options})
 */
public record CoreNlpSettings(
    int maxSentenceTokens,
    String posModel,
    String parserModel,
    String sentimentModel,
    String tokenizerOptions) {

  public static final int DEFAULT_MAX_SENTENCE_TOKENS = 80;
  public static final String DEFAULT_POS_MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  public static final String DEFAULT_PARSER_MODEL =
      "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
  public static final String DEFAULT_SENTIMENT_MODEL =
      "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

  /**
   * Web text holds emoji, symbols and stray control characters: keep them as tokens without a
   * warning per character, rather than dropping them (which would hide them from the parser) or
   * logging for each one.
   */
  public static final String DEFAULT_TOKENIZER_OPTIONS = "untokenizable=noneKeep";

  public CoreNlpSettings {
    if (maxSentenceTokens < 2) {
      throw new IllegalArgumentException(
          "maxSentenceTokens must be at least 2: " + maxSentenceTokens);
    }
    Objects.requireNonNull(posModel, "posModel");
    Objects.requireNonNull(parserModel, "parserModel");
    Objects.requireNonNull(sentimentModel, "sentimentModel");
    Objects.requireNonNull(tokenizerOptions, "tokenizerOptions");
  }

  /** English models from the CoreNLP jars, sentences cut at 80 tokens. */
  public static CoreNlpSettings defaults() {
    return new CoreNlpSettings(
        DEFAULT_MAX_SENTENCE_TOKENS,
        DEFAULT_POS_MODEL,
        DEFAULT_PARSER_MODEL,
        DEFAULT_SENTIMENT_MODEL,
        DEFAULT_TOKENIZER_OPTIONS);
  }

  public CoreNlpSettings withMaxSentenceTokens(int tokens) {
    return new CoreNlpSettings(tokens, posModel, parserModel, sentimentModel, tokenizerOptions);
  }
}
