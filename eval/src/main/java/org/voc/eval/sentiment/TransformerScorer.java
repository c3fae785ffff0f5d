package org.voc.eval.sentiment;

import java.util.ArrayList;
import java.util.List;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;
import org.voc.nlp.Sentiment;
import org.voc.nlp.TransformerSentiment;

/**
 * The transformer alone, the fast path: whole texts embedded in length-sorted batches (no CoreNLP
 * sentence split), then the head. On one-sentence rows this is what the service computes.
 */
final class TransformerScorer implements SentimentScorer {

  private final TextEncoder encoder;
  private final TransformerSentiment sentiment;

  TransformerScorer(TextEncoder encoder, SoftmaxHead head) {
    this.encoder = encoder;
    this.sentiment = new TransformerSentiment(encoder, head, encoder.name());
  }

  @Override
  public String name() {
    return "transformer";
  }

  @Override
  public List<Sentiment.Probabilities> score(List<String> texts) {
    float[][] vectors = encoder.embed(texts);
    List<Sentiment.Probabilities> result = new ArrayList<>(vectors.length);
    for (float[] vector : vectors) {
      result.add(sentiment.scoreVector(vector).probabilities());
    }
    return result;
  }

  @Override
  public void close() {
    encoder.close();
  }
}
