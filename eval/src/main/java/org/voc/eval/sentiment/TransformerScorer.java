package org.voc.eval.sentiment;

import java.util.ArrayList;
import java.util.List;
import org.voc.nlp.Sentiment;
import org.voc.nlp.TransformerSentiment;

/**
 * The transformer alone, the fast path: whole texts embedded in length-sorted batches (no CoreNLP
 * sentence split), then the head. On one-sentence rows this is what the service computes.
 */
final class TransformerScorer implements SentimentScorer {

  private final TransformerSentiment sentiment;
  private final boolean closeEncoder;

  TransformerScorer(TransformerSentiment sentiment, boolean closeEncoder) {
    this.sentiment = sentiment;
    this.closeEncoder = closeEncoder;
  }

  @Override
  public String name() {
    return "transformer";
  }

  @Override
  public List<Sentiment.Probabilities> score(List<String> texts) {
    List<Sentiment.Probabilities> result = new ArrayList<>(texts.size());
    for (Sentiment sentiment : sentiment.scoreTexts(texts)) {
      result.add(sentiment.probabilities());
    }
    return result;
  }

  @Override
  public void close() {
    if (closeEncoder) {
      sentiment.encoder().close();
    }
  }
}
