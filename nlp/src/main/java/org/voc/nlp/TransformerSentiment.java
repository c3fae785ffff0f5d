package org.voc.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.models.BertTop;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/**
 * Sentence sentiment from a transformer encoder (see {@code ./voc train sentiment}): either a
 * softmax head over the encoder's frozen sentence vectors, or fine-tuned top layers with their
 * classifier, so that the lower layers run once for the search vector and the sentiment alike.
 * The fine-tuned layers run either inside the encoder's ONNX Runtime pass ({@link
 * OnnxTextEncoder#tunedTop}, what the service uses) or on PyTorch ({@link BertTop}, reading the
 * hidden state the encoder taps below them, as training does). The classes are voc's three labels.
 */
public final class TransformerSentiment implements SentimentModel {

  public static final String NAME = "transformer";
  static final List<String> CLASSES = List.of("negative", "neutral", "positive");

  private final TextEncoder encoder;
  private final SoftmaxHead head;
  private final BertTop top;
  private final String version;
  private final int[] order;

  public TransformerSentiment(TextEncoder encoder, SoftmaxHead head, String version) {
    if (head.dimension() != encoder.dimension()) {
      throw new IllegalArgumentException("head expects " + head.dimension() + "-dim vectors, encoder "
          + encoder.name() + " gives " + encoder.dimension());
    }
    this.encoder = encoder;
    this.head = head;
    this.top = null;
    this.version = version;
    this.order = classOrder(head.classes());
  }

  /** Fine-tuned, with the layers and classifier inside {@code encoder}'s graph. */
  public TransformerSentiment(OnnxTextEncoder encoder, String version) {
    OnnxTextEncoder.TunedTop tuned = encoder.tunedTop().orElseThrow(() -> new IllegalArgumentException(
        "encoder " + encoder.name() + " runs no fine-tuned layers"));
    this.encoder = encoder;
    this.head = null;
    this.top = null;
    this.version = version;
    this.order = classOrder(tuned.classes());
  }

  /** Fine-tuned: {@code encoder} must tap the layer just below {@code top}'s first. */
  public TransformerSentiment(OnnxTextEncoder encoder, BertTop top, String version) {
    if (encoder.tapLayer() != top.firstLayer() - 1) {
      throw new IllegalArgumentException("the fine-tuned layers start at " + top.firstLayer()
          + " but encoder " + encoder.name() + " taps layer " + encoder.tapLayer());
    }
    this.encoder = encoder;
    this.head = null;
    this.top = top;
    this.version = version;
    this.order = classOrder(top.classes());
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
    if (head == null) {
      return fromProbabilities(topProbabilities(text.sentenceEncoding((OnnxTextEncoder) encoder)));
    }
    float[][] vectors = text.sentenceEmbeddings(encoder);
    List<Sentiment> result = new ArrayList<>(vectors.length);
    for (float[] vector : vectors) {
      result.add(scoreVector(vector));
    }
    return result;
  }

  /** The sentiment of each text taken as one sentence, in length-sorted batches (no parsing). */
  public List<Sentiment> scoreTexts(List<String> texts) {
    if (head == null) {
      return fromProbabilities(topProbabilities(((OnnxTextEncoder) encoder).encode(texts)));
    }
    List<Sentiment> result = new ArrayList<>(texts.size());
    for (float[] vector : encoder.embed(texts)) {
      result.add(scoreVector(vector));
    }
    return result;
  }

  private float[][] topProbabilities(OnnxTextEncoder.Encoded encoded) {
    // No PyTorch top: the encoder's graph ran the layers and gave their logits.
    return top == null ? softmax(encoded.logits()) : top.probabilities(encoded.hidden(), encoded.tokens());
  }

  /** Each row's softmax; the calibration is folded into the logits (see {@link BertTop#recalibrate}). */
  static float[][] softmax(float[][] logits) {
    float[][] probabilities = new float[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] = SoftmaxHead.softmax(logits[i], 1);
    }
    return probabilities;
  }

  private List<Sentiment> fromProbabilities(float[][] probabilities) {
    List<Sentiment> result = new ArrayList<>(probabilities.length);
    for (float[] p : probabilities) {
      result.add(fromClassProbabilities(p));
    }
    return result;
  }

  /** The sentiment of one sentence vector, with the frozen-encoder head. */
  public Sentiment scoreVector(float[] vector) {
    if (head == null) {
      throw new IllegalStateException("a fine-tuned transformer scores texts, not vectors");
    }
    return fromClassProbabilities(head.probabilities(vector));
  }

  private Sentiment fromClassProbabilities(float[] p) {
    return threeClass(p, order, NAME, version);
  }

  /**
   * The sentiment from a classifier's probabilities {@code p}, whose negative, neutral and positive
   * classes sit at {@code order}, with that model's own output under {@code name} and {@code version}.
   */
  static Sentiment threeClass(float[] p, int[] order, String name, String version) {
    var three = new Sentiment.Probabilities(p[order[0]], p[order[1]], p[order[2]]);
    Map<String, Double> own = new LinkedHashMap<>();
    own.put("negative", three.negative());
    own.put("neutral", three.neutral());
    own.put("positive", three.positive());
    var output = new Sentiment.ModelOutput(name, version, three.argmax().wireName(), own);
    return Sentiment.fromProbabilities(three, List.of(output));
  }

  /** Where negative, neutral and positive sit among the head's classes. */
  static int[] classOrder(List<String> classes) {
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
