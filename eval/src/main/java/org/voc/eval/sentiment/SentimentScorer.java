package org.voc.eval.sentiment;

import java.util.List;
import org.voc.nlp.Sentiment;

/** Scores a batch of texts with one model configuration: what {@code --model} selects. */
public interface SentimentScorer extends AutoCloseable {

  /** The name printed in the results ({@code corenlp}, {@code transformer}, {@code ensemble}). */
  String name();

  /** Three-class probabilities for each text, in order. */
  List<Sentiment.Probabilities> score(List<String> texts);

  @Override
  default void close() {}
}
