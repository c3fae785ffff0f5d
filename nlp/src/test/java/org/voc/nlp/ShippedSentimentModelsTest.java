package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.models.OnnxTextEncoder;

/**
 * Which shipped fine-tuned layers each pipeline runs: the full pipeline the eleven-layer model, with
 * the layer the aspect tagger reads still tapped; {@code analysis.pipeline: fast} the two-layer one.
 */
class ShippedSentimentModelsTest {

  private static final List<String> TEXTS = List.of(
      "Shipping took three weeks and nobody answered my emails, I want a refund.",
      "Great service, the staff were friendly and helpful.");

  @Test
  void theFullPipelineRunsElevenTunedLayersAndStillTapsTheAspectTaggersLayer() {
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      OnnxTextEncoder.TunedTop tuned = encoder.tunedTop().orElseThrow();
      assertThat(tuned.firstLayer()).isEqualTo(1);
      assertThat(tuned.layers()).isEqualTo(11);
      assertThat(encoder.tapLayer()).isEqualTo(ShippedSentiment.TAPPED_LAYER);
      AspectTermTagger.shipped().checkEncoder(encoder); // throws unless the tagger's states are tapped

      TransformerSentiment sentiment = ShippedSentiment.transformer(encoder);
      assertThat(sentiment.version()).isEqualTo("bge-small-en-v1.5+transformer-top");
      assertReadsTheComplaintAndThePraise(sentiment);
    }
  }

  @Test
  void theFastPipelineRunsTheTwoLayerModel() {
    try (OnnxTextEncoder encoder = ShippedSentiment.loadFastEncoder()) {
      OnnxTextEncoder.TunedTop tuned = encoder.tunedTop().orElseThrow();
      assertThat(tuned.firstLayer()).isEqualTo(10);
      assertThat(tuned.layers()).isEqualTo(2);

      TransformerSentiment sentiment = ShippedSentiment.fastTransformer(encoder);
      assertThat(sentiment.version()).isEqualTo("bge-small-en-v1.5+transformer-top-fast");
      assertReadsTheComplaintAndThePraise(sentiment);
    }
  }

  private static void assertReadsTheComplaintAndThePraise(TransformerSentiment sentiment) {
    List<Sentiment> scores = sentiment.scoreTexts(TEXTS);
    assertThat(scores.get(0).label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(scores.get(1).label()).isEqualTo(SentimentLabel.POSITIVE);
  }
}
