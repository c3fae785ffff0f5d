package org.voc.nlp;

import java.util.ArrayList;
import java.util.List;
import org.voc.models.BertTop;
import org.voc.models.OnnxTextEncoder;

/**
 * Target sentiment with the transformer: the target and its sentence go through the encoder as one
 * pair, {@code target [SEP] sentence} (as in BERT-SPC, with the target marked in the sentence: see
 * {@link #pairText}), and the fine-tuned top layers classify the
 * polarity toward that target: either inside an encoder of its own whose ONNX graph runs them
 * ({@link OnnxTextEncoder#tunedTop}, what the service uses), or on PyTorch over the hidden state a
 * tapped encoder gives (as training does).
 */
public final class TargetTransformer implements TargetSentimentModel {

  public static final String NAME = "target-transformer";

  private final OnnxTextEncoder encoder;
  private final BertTop top;
  private final String version;
  private final int[] order;

  /** With the target layers and classifier inside {@code encoder}'s graph. */
  public TargetTransformer(OnnxTextEncoder encoder, String version) {
    OnnxTextEncoder.TunedTop tuned = encoder.tunedTop().orElseThrow(() -> new IllegalArgumentException(
        "encoder " + encoder.name() + " runs no fine-tuned layers"));
    this.order = TransformerSentiment.classOrder(tuned.classes());
    this.encoder = encoder;
    this.top = null;
    this.version = version;
  }

  /** {@code encoder} must tap the layer just below {@code top}'s first. */
  public TargetTransformer(OnnxTextEncoder encoder, BertTop top, String version) {
    if (encoder.tapLayer() != top.firstLayer() - 1) {
      throw new IllegalArgumentException("the target model's layers start at " + top.firstLayer()
          + " but encoder " + encoder.name() + " taps layer " + encoder.tapLayer());
    }
    this.order = TransformerSentiment.classOrder(top.classes());
    this.encoder = encoder;
    this.top = top;
    this.version = version;
  }

  /**
   * The text the encoder reads for {@code target}: the term, then the sentence with the term's
   * place in it bracketed where the sentence names it ({@code battery [SEP] The screen is great but
   * the [ battery ] dies by noon.}), so that the model knows which of two mentions it is asked about.
   */
  public static String pairText(Target target) {
    String sentence = target.sentence();
    if (target.start() >= 0 && target.end() > target.start() && target.end() <= sentence.length()) {
      sentence = sentence.substring(0, target.start()) + "[ " + sentence.substring(target.start(), target.end())
          + " ]" + sentence.substring(target.end());
    }
    return target.term() + " [SEP] " + sentence;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<Sentiment> score(List<Target> targets) {
    if (targets.isEmpty()) {
      return List.of();
    }
    OnnxTextEncoder.Encoded encoded = encoder.encode(targets.stream().map(TargetTransformer::pairText).toList());
    float[][] probabilities = top == null ? TransformerSentiment.softmax(encoded.logits())
        : top.probabilities(encoded.hidden(), encoded.tokens());
    List<Sentiment> result = new ArrayList<>(probabilities.length);
    for (float[] p : probabilities) {
      result.add(TransformerSentiment.threeClass(p, order, NAME, version));
    }
    return result;
  }
}
