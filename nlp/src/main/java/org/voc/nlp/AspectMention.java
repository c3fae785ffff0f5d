package org.voc.nlp;

import java.util.List;

/**
 * An aspect term the text gives an opinion on ("battery life", "shipping"), where it stands, the
 * polarity expressed toward it, and the opinion words that carry that polarity ("great", "took
 * three weeks").
 */
public record AspectMention(
    String term, int start, int end, SentimentLabel polarity, double score, List<TextSpan> opinions) {

  public AspectMention {
    opinions = List.copyOf(opinions);
  }
}
