package org.voc.nlp;

import java.util.List;

/**
 * The sentiment a sentence expresses toward one target in it: an aspect term ("battery life"), a
 * brand, or a theme that may not be named at all ("service"). A sentence can be positive about one
 * target and negative about another, so each target gets its own answer.
 */
public interface TargetSentimentModel {

  /** Short, stable name, e.g. {@code target-transformer}. */
  String name();

  /** The version of the model weights. */
  String version();

  /**
   * The sentiment toward each target, in order. Must be safe to call from several threads at once.
   */
  List<Sentiment> score(List<Target> targets);

  /**
   * As {@link #score(List)}, given the sentiments already found for whole sentences ({@code known}, by
   * sentence text, each listing its models' own outputs): a model that falls back on a sentence's
   * sentiment takes it from there instead of scoring the sentence again. The default ignores them.
   */
  default List<Sentiment> score(List<Target> targets, java.util.Map<String, Sentiment> known) {
    return score(targets);
  }

  /**
   * A target in a sentence.
   *
   * @param sentence the sentence's text
   * @param term the target as a word or phrase (an aspect term, a brand name, a theme name)
   * @param start where the term stands in {@code sentence}, or -1 when it is not named there
   * @param end the end of the term in {@code sentence}, or -1
   */
  record Target(String sentence, String term, int start, int end) {

    /** A target that the sentence names at [start, end). */
    public static Target at(String sentence, int start, int end) {
      return new Target(sentence, sentence.substring(start, end), start, end);
    }

    /** A target the sentence may not name, such as a theme. */
    public static Target about(String sentence, String term) {
      return new Target(sentence, term, -1, -1);
    }
  }
}
