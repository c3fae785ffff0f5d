package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.models.BertTopFile;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;

/**
 * The shipped fine-tuned layers run by ONNX Runtime inside the encoder's pass, as the service runs
 * them, against the same layers on PyTorch ({@link org.voc.models.BertTop}), as training runs them.
 */
class TunedTopInEncoderTest {

  private static final List<String> TEXTS = List.of(
      "ok",
      "Terrible.",
      "The delivery was late, the box was crushed and support never answered my three emails.",
      ("I was not expecting much from a budget phone, but the battery lasts two days and the screen is"
          + " bright enough to read outdoors; the camera is weak in low light and the speaker crackles at"
          + " full volume, yet for the price I would still recommend it to anyone who mostly texts, calls"
          + " and browses, and my parents have both switched to it after borrowing mine for a week. ").repeat(2),
      "Support was kind.",
      "It's fine, I guess?");

  private static OnnxTextEncoder encoder;
  private static BertTopFile.Loaded pytorch;
  /** The encoder tapped below the tuned layers' first, whose states the PyTorch top reads. */
  private static OnnxTextEncoder below;

  @BeforeAll
  static void load() {
    encoder = ShippedSentiment.loadEncoder();
    pytorch = ShippedSentiment.loadTop(ShippedSentiment.TOP);
    below = ShippedSentiment.encoderModel().load(EncoderSettings.defaults(), pytorch.top().firstLayer() - 1);
  }

  @AfterAll
  static void close() {
    encoder.close();
    pytorch.close();
    below.close();
  }

  @Test
  void logitsInTheEncoderPassEqualThePyTorchTopsOnAMixedLengthBatch() {
    OnnxTextEncoder.Encoded encoded = encoder.encode(TEXTS);
    OnnxTextEncoder.Encoded tapped = below.encode(TEXTS);
    float[][] expected = pytorch.top().logits(tapped.hidden(), tapped.tokens());

    assertThat(encoded.tokens()[3]).isEqualTo(128); // truncated
    assertThat(encoder.tunedTop().orElseThrow().classes()).isEqualTo(pytorch.top().classes());
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(encoded.logits()[i]).hasSize(3);
      for (int c = 0; c < 3; c++) {
        assertThat(encoded.logits()[i][c]).as("text %d class %d", i, c).isCloseTo(expected[i][c], within(1e-3f));
      }
      assertThat(argmax(encoded.logits()[i])).isEqualTo(argmax(expected[i]));
    }
  }

  @Test
  void aTextsLogitsDoNotDependOnThePaddingOfItsBatch() {
    float[][] batch = encoder.encode(TEXTS).logits();
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] alone = encoder.encode(List.of(TEXTS.get(i))).logits()[0];
      for (int c = 0; c < 3; c++) {
        assertThat(alone[c]).isCloseTo(batch[i][c], within(1e-4f));
      }
    }
  }

  @Test
  void theServicesTransformerScoresAsThePyTorchTopDoes() {
    TransformerSentiment fused = ShippedSentiment.transformer(encoder);
    TransformerSentiment onPyTorch = new TransformerSentiment(below, pytorch.top(), fused.version());

    List<Sentiment> expected = onPyTorch.scoreTexts(TEXTS);
    List<Sentiment> actual = fused.scoreTexts(TEXTS);
    ParsedText parsed = TransformerAndEnsembleSentimentTest.parsed(TEXTS.get(2), TEXTS.get(4));
    List<Sentiment> sentences = fused.score(parsed);

    assertSameSentiments(actual, expected);
    assertThat(sentences.get(0).probabilities().negative())
        .isCloseTo(actual.get(2).probabilities().negative(), within(1e-4));
    assertThat(parsed.encodings()).containsOnlyKeys(encoder.name());
  }

  @Test
  void textsEncodedTogetherGetTheSameVectorsTappedStatesAndLogitsAsEachAlone() {
    List<ParsedText> texts = List.of(
        TransformerAndEnsembleSentimentTest.parsed(TEXTS.get(0), TEXTS.get(1)),
        TransformerAndEnsembleSentimentTest.parsed(TEXTS.get(2)),
        TransformerAndEnsembleSentimentTest.parsed(TEXTS.get(3), TEXTS.get(4), TEXTS.get(5)));

    ParsedText.encodeTogether(texts, encoder);

    for (ParsedText text : texts) {
      OnnxTextEncoder.Encoded together = text.encodings().get(encoder.name());
      OnnxTextEncoder.Encoded alone = encoder.encode(text.sentenceTexts());
      assertThat(together.tokens()).isEqualTo(alone.tokens());
      for (int i = 0; i < alone.tokens().length; i++) {
        assertCloseTo(together.vectors()[i], alone.vectors()[i]);
        assertCloseTo(together.logits()[i], alone.logits()[i]);
        assertThat(together.hidden()[i]).hasSameSizeAs(alone.hidden()[i]);
        assertCloseTo(together.hidden()[i], alone.hidden()[i]);
      }
      // Read from the cache: the vectors of the same pass, no second one.
      assertThat(text.sentenceEmbeddings(encoder)).isSameAs(together.vectors());
    }
  }

  private static void assertCloseTo(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int d = 0; d < expected.length; d++) {
      assertThat(actual[d]).as("component %d", d).isCloseTo(expected[d], within(1e-3f));
    }
  }

  @Test
  void theTargetLayersInAnEncoderOfTheirOwnScoreAsOnPyTorch() {
    TargetSentimentModel shipped = ShippedSentiment.targets(encoder);
    assertThat(shipped).isInstanceOf(ConfidentTargets.class);
    TargetSentimentModel asked = ((ConfidentTargets) shipped).targets();
    List<TargetSentimentModel> members = asked instanceof AveragedTargets averaged ? averaged.members() : List.of(asked);
    List<TargetSentimentModel.Target> targets = new ArrayList<>();
    for (String text : TEXTS) {
      targets.add(TargetSentimentModel.Target.about(text, "delivery"));
    }
    targets.add(TargetSentimentModel.Target.at("The screen is great but the battery dies by noon.", 4, 10));
    targets.add(TargetSentimentModel.Target.at("The screen is great but the battery dies by noon.", 28, 35));

    for (int m = 0; m < members.size(); m++) {
      TargetSentimentModel fused = members.get(m);
      try (BertTopFile.Loaded top = ShippedSentiment.loadTop(ShippedSentiment.TARGET_TOPS.get(m));
          // The target layers may start below the sentiment layers: PyTorch then reads a lower layer.
          OnnxTextEncoder lower = top.top().firstLayer() - 1 == encoder.tapLayer() ? null
              : ShippedSentiment.encoderModel().load(EncoderSettings.defaults(), top.top().firstLayer() - 1)) {
        List<Sentiment> expected = new TargetTransformer(lower != null ? lower : encoder, top.top(),
            TargetTransformer.PairFormat.of(top.header().get("training")), fused.version()).score(targets);
        List<Sentiment> actual = fused.score(targets);

        assertThat(fused).isInstanceOf(TargetTransformer.class);
        assertSameSentiments(actual, expected);
      }
    }
  }

  /** The same labels, and probabilities within 1e-3, one by one. */
  private static void assertSameSentiments(List<Sentiment> actual, List<Sentiment> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).label()).isEqualTo(expected.get(i).label());
      assertThat(actual.get(i).probabilities().positive())
          .isCloseTo(expected.get(i).probabilities().positive(), within(1e-3));
      assertThat(actual.get(i).probabilities().negative())
          .isCloseTo(expected.get(i).probabilities().negative(), within(1e-3));
    }
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] > values[best] ? i : best;
    }
    return best;
  }
}
