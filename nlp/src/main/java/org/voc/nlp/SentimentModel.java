package org.voc.nlp;

import java.util.List;

/**
 * A sentiment engine as its callers see it: CoreNLP's recursive network, a transformer, or an
 * ensemble of both. The text comes already split into sentences (by CoreNLP, for every engine), so
 * all engines score the same spans and their outputs line up sentence by sentence.
 */
public interface SentimentModel {

  /** Short, stable name written into each {@link Sentiment.ModelOutput}, e.g. {@code corenlp}. */
  String name();

  /** The version of the engine or model weights, for {@link Analysis#modelVersions()}. */
  String version();

  /**
   * The sentiment of each sentence of {@code text}, in order, one per sentence. Each carries the
   * three-class probabilities and this model's own output among its {@code models}. Must be safe to
   * call from several threads at once.
   */
  List<Sentiment> score(ParsedText text);
}
