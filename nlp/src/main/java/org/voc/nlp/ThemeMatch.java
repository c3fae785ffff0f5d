package org.voc.nlp;

import java.util.List;

/**
 * A theme of the taxonomy that a document is about.
 *
 * @param name the theme's name in the taxonomy
 * @param confidence how sure the detector is, in [0, 1]
 * @param sentiment the sentiment the text expresses about this theme
 * @param evidence the sentences that support the theme, strongest first
 */
public record ThemeMatch(String name, double confidence, Sentiment sentiment, List<TextSpan> evidence) {

  public ThemeMatch {
    evidence = List.copyOf(evidence);
  }
}
