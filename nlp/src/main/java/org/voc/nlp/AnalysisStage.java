package org.voc.nlp;

import java.util.Locale;

/**
 * A step of {@link DocumentAnalyzer#analyzeForIndex}, each run by one model, timed so operators can
 * see which model a slow analysis spends its time in. A closed set, so a metric tagged with it has
 * a bounded number of series.
 */
public enum AnalysisStage {
  /** Cleaning the text, then CoreNLP: tokenize, split sentences, parse. */
  PARSE,
  /** The sentiment model (CoreNLP, transformer or ensemble); the transformer's encoder pass is here. */
  SENTIMENT,
  /** Key phrases, themes, aspects and brands with the sentiment toward each. */
  INSIGHTS,
  /** The document's search vector (reuses the sentiment pass's sentence vectors when it can). */
  VECTOR,
  /** The user's classifiers on the document vector. */
  CLASSIFIERS,
  /** A ticket's urgency rules. */
  URGENCY;

  /** The lower-case name used as a metric tag. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
