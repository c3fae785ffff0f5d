package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voc.models.BertTop;
import org.voc.models.BertTopFile;
import org.voc.models.EncoderModel;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxGraph;
import org.voc.models.OnnxTextEncoder;

/** The fine-tuned path with the real bge-small: its last two layers on the tapped tenth. */
class FineTunedTransformerSentimentTest {

  /** bge's own last layers and a classifier that reads [CLS] dimension 0 as positive evidence. */
  private static BertTopFile.Loaded top() {
    Map<String, OnnxGraph.Tensor> weights = new HashMap<>(EncoderModel.BGE_SMALL_EN_V15.weights());
    float[] w = new float[384 * 3];
    w[2] = 50f; // feature 0 → class 2 (positive)
    weights.put("classifier.weight", new OnnxGraph.Tensor("classifier.weight", new long[] {384, 3}, w));
    weights.put("classifier.bias", new OnnxGraph.Tensor("classifier.bias", new long[] {3}, new float[3]));
    return BertTopFile.create(10, 2, BertTop.Dimensions.SMALL,
        List.of("negative", "neutral", "positive"), weights);
  }

  @Test
  void scoresSentencesFromTheTappedStatesInTheSameEncoderPassAsTheSearchVectors() {
    try (OnnxTextEncoder encoder = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), 9);
        BertTopFile.Loaded top = top()) {
      var sentiment = new TransformerSentiment(encoder, top.top(), "test");
      ParsedText text = TransformerAndEnsembleSentimentTest.parsed("The delivery was late.", "Support was kind.");

      List<Sentiment> scores = sentiment.score(text);
      float[][] vectors = text.sentenceEmbeddings(encoder);

      assertThat(scores).hasSize(2);
      assertThat(text.encodings()).containsOnlyKeys("bge-small-en-v1.5");
      assertThat(vectors).isSameAs(text.sentenceEncoding(encoder).vectors());
      for (int i = 0; i < 2; i++) {
        // The classifier's only input is the tuned [CLS] dimension 0, which for an untouched top is
        // the ONNX vector's: the probabilities must follow it.
        double expected = 1 / (1 + 2 * Math.exp(-50 * vectors[i][0]));
        assertThat(scores.get(i).probabilities().positive()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(scores.get(i).models().getFirst().name()).isEqualTo("transformer");
      }
      assertThat(sentiment.scoreTexts(List.of("The delivery was late.")).getFirst().probabilities().positive())
          .isCloseTo(scores.getFirst().probabilities().positive(), org.assertj.core.api.Assertions.within(1e-4));
      assertThatThrownBy(() -> sentiment.scoreVector(vectors[0])).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void refusesAnEncoderThatTapsAnotherLayer() {
    try (OnnxTextEncoder encoder = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), 8);
        BertTopFile.Loaded top = top()) {
      assertThatThrownBy(() -> new TransformerSentiment(encoder, top.top(), "test"))
          .hasMessageContaining("start at 10").hasMessageContaining("taps layer 8");
    }
  }
}
