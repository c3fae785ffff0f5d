package org.voc.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/**
 * Sentence sentiment from a transformer encoder and a softmax head trained on its vectors (see
 * {@code ./voc train sentiment}). The head's classes are voc's three labels.
 */
public final class TransformerSentiment implements SentimentModel {

  public static final String NAME = "transformer";
  static final List<String> CLASSES = List.of("negative", "neutral", "positive");

  private final TextEncoder encoder;
  private final SoftmaxHead head;
  private final String version;
  private final int[] order;

  public TransformerSentiment(TextEncoder encoder, SoftmaxHead head, String version) {
    if (head.dimension() != encoder.dimension()) {
      throw new IllegalArgumentException("head expects " + head.dimension() + "-dim vectors, encoder "
          + encoder.name() + " gives " + encoder.dimension());
    }
    this.encoder = encoder;
    this.head = head;
    this.version = version;
    this.order = classOrder(head.classes());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return version;
  }

  public TextEncoder encoder() {
    return encoder;
  }

  @Override
  public List<Sentiment> score(ParsedText text) {
    float[][] vectors = text.sentenceEmbeddings(encoder);
    List<Sentiment> result = new ArrayList<>(vectors.length);
    for (float[] vector : vectors) {
      result.add(scoreVector(vector));
    }
    return result;
  }

  /** The sentiment of one sentence vector. */
  public Sentiment scoreVector(float[] vector) {
    float[] p = head.probabilities(vector);
    var three = new Sentiment.Probabilities(p[order[0]], p[order[1]], p[order[2]]);
    Map<String, Double> own = new LinkedHashMap<>();
    own.put("negative", three.negative());
    own.put("neutral", three.neutral());
    own.put("positive", three.positive());
    var output = new Sentiment.ModelOutput(NAME, version, three.argmax().wireName(), own);
    return Sentiment.fromProbabilities(three, List.of(output));
  }

  /** Where negative, neutral and positive sit among the head's classes. */
  private static int[] classOrder(List<String> classes) {
    int[] order = new int[3];
    for (int i = 0; i < 3; i++) {
      order[i] = classes.indexOf(CLASSES.get(i));
      if (order[i] < 0) {
        throw new IllegalArgumentException("sentiment head lacks class " + CLASSES.get(i) + ": " + classes);
      }
    }
    return order;
  }
}
