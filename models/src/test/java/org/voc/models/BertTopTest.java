package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PyTorch top layers against ONNX Runtime running the whole real bge-small. */
class BertTopTest {

  @Test
  void topLayersOnTheTappedStateReproduceTheOnnxEncodersVectors() {
    List<String> texts =
        List.of("The delivery was late", "Shipping took three weeks and nobody answered.", "ok");
    Map<String, OnnxGraph.Tensor> weights = new HashMap<>(EncoderModel.BGE_SMALL_EN_V15.weights());
    weights.put("classifier.weight", new OnnxGraph.Tensor("classifier.weight", new long[] {384, 3}, new float[384 * 3]));
    weights.put("classifier.bias", new OnnxGraph.Tensor("classifier.bias", new long[] {3}, new float[3]));
    DjlProcessSettings.apply();
    try (OnnxTextEncoder encoder = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), 9);
        NDManager manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
        BertTop top = new BertTop(manager, 10, 2, BertTop.Dimensions.SMALL, List.of("a", "b", "c"), weights)) {
      OnnxTextEncoder.Encoded encoded = encoder.encode(texts);
      float[][] vectors = top.sentenceVectors(encoded.hidden(), encoded.tokens());

      assertThat(encoded.tokens()).containsExactly(6, 10, 3);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(encoded.hidden()[i]).hasSize(encoded.tokens()[i] * 384);
        assertThat(MiniLmEncoderTest.dot(vectors[i], encoded.vectors()[i])).isCloseTo(1.0, within(1e-4));
      }
      assertThat(top.probabilities(encoded.hidden(), encoded.tokens())[0]).containsOnly(1f / 3);
    }
  }

  @Test
  void exportsNameEveryLinearWeightAfterItsModuleLaidOutInByOut() {
    Map<String, OnnxGraph.Tensor> weights = EncoderModel.BGE_SMALL_EN_V15.weights();

    assertThat(weights.get("encoder.layer.11.intermediate.dense.weight").shape()).containsExactly(384, 1536);
    assertThat(weights.get("encoder.layer.0.attention.self.query.weight").shape()).containsExactly(384, 384);
    assertThat(weights.get("embeddings.word_embeddings.weight").shape()).containsExactly(30522, 384);
    assertThat(weights.keySet().stream().filter(n -> n.startsWith("onnx::"))).isEmpty();
  }
}
