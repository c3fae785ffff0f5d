package org.voc.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.voc.models.BertTop;
import org.voc.models.OnnxTextEncoder;

/**
 * Target sentiment with the transformer: the target and its sentence go through the encoder as one
 * pair, {@code target [SEP] sentence} (as in BERT-SPC, with the target marked in the sentence: see
 * {@link PairFormat}), and the fine-tuned top layers classify the
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
  private final PairFormat format;

  /** With the target layers and classifier inside {@code encoder}'s graph, reading pairs as {@code format}. */
  public TargetTransformer(OnnxTextEncoder encoder, PairFormat format, String version) {
    OnnxTextEncoder.TunedTop tuned = encoder.tunedTop().orElseThrow(() -> new IllegalArgumentException(
        "encoder " + encoder.name() + " runs no fine-tuned layers"));
    this.order = TransformerSentiment.classOrder(tuned.classes());
    this.encoder = encoder;
    this.top = null;
    this.format = format;
    this.version = version;
  }

  /** {@code encoder} must tap the layer just below {@code top}'s first. */
  public TargetTransformer(OnnxTextEncoder encoder, BertTop top, PairFormat format, String version) {
    if (encoder.tapLayer() != top.firstLayer() - 1) {
      throw new IllegalArgumentException("the target model's layers start at " + top.firstLayer()
          + " but encoder " + encoder.name() + " taps layer " + encoder.tapLayer());
    }
    this.order = TransformerSentiment.classOrder(top.classes());
    this.encoder = encoder;
    this.top = top;
    this.format = format;
    this.version = version;
  }

  /**
   * How a (target, sentence) pair is written for the encoder. A model reads pairs as it was trained
   * on them, so the format is recorded in the header of the model's file (under {@code training},
   * key {@link #KEY}) and read back with it.
   */
  public enum PairFormat {
    /** {@code term [SEP] sentence}, as in BERT-SPC: the target models before the mention was marked. */
    PLAIN("plain"),
    /**
     * The term, then the sentence with the term's place in it bracketed where the target says where
     * it stands ({@code battery [SEP] The screen is great but the [ battery ] dies by noon.}), so that
     * the model knows which of two mentions it is asked about; a theme the sentence need not name is
     * written as in {@link #PLAIN}.
     */
    MARKED("marked");

    /** The format {@code voc train targets} trains and records now. */
    public static final PairFormat TRAINED = MARKED;

    /** The key under the header's {@code training} that names the format. */
    public static final String KEY = "pairs";

    private final String id;

    PairFormat(String id) {
      this.id = id;
    }

    /** The name recorded in a model's header. */
    public String id() {
      return id;
    }

    /**
     * The format a model file's {@code training} header names; a file that names none was trained on
     * {@link #PLAIN} pairs, before the format was recorded.
     */
    public static PairFormat of(JsonNode training) {
      JsonNode named = training == null ? null : training.get(KEY);
      if (named == null || named.isNull()) {
        return PLAIN;
      }
      for (PairFormat format : values()) {
        if (format.id.equals(named.asText())) {
          return format;
        }
      }
      throw new IllegalArgumentException("the target model was trained on pairs written as '" + named.asText()
          + "', which this version of voc does not know (it knows " + java.util.Arrays.stream(values())
              .map(PairFormat::id).toList() + "): use the voc that trained it, or train it again");
    }

    /** The text the encoder reads for {@code target}. */
    public String text(Target target) {
      String sentence = target.sentence();
      if (this == MARKED && target.start() >= 0 && target.end() > target.start()
          && target.end() <= sentence.length()) {
        sentence = sentence.substring(0, target.start()) + "[ " + sentence.substring(target.start(), target.end())
            + " ]" + sentence.substring(target.end());
      }
      return target.term() + " [SEP] " + sentence;
    }
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
    OnnxTextEncoder.Encoded encoded = encoder.encode(targets.stream().map(format::text).toList());
    float[][] probabilities = top == null ? TransformerSentiment.softmax(encoded.logits())
        : top.probabilities(encoded.hidden(), encoded.tokens());
    List<Sentiment> result = new ArrayList<>(probabilities.length);
    for (float[] p : probabilities) {
      result.add(TransformerSentiment.threeClass(p, order, NAME, version));
    }
    return result;
  }
}
