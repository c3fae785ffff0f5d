package org.voc.nlp;

import java.util.List;

/**
 * A configured brand that the text mentions, where, and the sentiment the text expresses toward
 * that brand (which may differ from the document's: "Acme's app is great, unlike Globex's").
 *
 * @param name the brand's configured name
 * @param own whether it is the user's own brand rather than a competitor
 * @param mentions each place the brand, an alias or one of its products is named
 */
public record BrandMention(String name, boolean own, List<TextSpan> mentions, Sentiment sentiment) {

  public BrandMention {
    mentions = List.copyOf(mentions);
  }
}
