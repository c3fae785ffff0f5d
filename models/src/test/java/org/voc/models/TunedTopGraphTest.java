package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The graph rewrite with the real bge-small: a "tuned" top that holds the encoder's own weights and
 * an identity classifier must give back the encoder's own unit [CLS] vectors, its search vectors.
 */
class TunedTopGraphTest {

  private static final List<String> TEXTS = List.of(
      "ok", "The delivery was late and nobody answered my three emails about it.", "Great support!");
  private static final Map<String, OnnxGraph.Tensor> BGE = EncoderModel.BGE_SMALL_EN_V15.weights();

  /** bge's own layers {@code first ..11} and a classifier whose logits are its 384 inputs. */
  private static BertTopFile.Weights ownLayers(int first) {
    Map<String, OnnxGraph.Tensor> tensors = new LinkedHashMap<>();
    BGE.forEach((name, tensor) -> {
      for (int layer = first; layer < 12; layer++) {
        if (name.startsWith("encoder.layer." + layer + ".")) {
          tensors.put(name, tensor);
        }
      }
    });
    float[] identity = new float[384 * 384];
    for (int i = 0; i < 384; i++) {
      identity[i * 384 + i] = 1f;
    }
    tensors.put("classifier.weight", new OnnxGraph.Tensor("classifier.weight", new long[] {384, 384}, identity));
    tensors.put("classifier.bias", new OnnxGraph.Tensor("classifier.bias", new long[] {384}, new float[384]));
    List<String> classes = java.util.stream.IntStream.range(0, 384).mapToObj(Integer::toString).toList();
    return new BertTopFile.Weights("bge-small-en-v1.5", JsonNodeFactory.instance.objectNode(), first,
        12 - first, BertTop.Dimensions.SMALL, classes, tensors);
  }

  @Test
  void aTopOfTheEncodersOwnLayersWithAnIdentityClassifierGivesItsSearchVectors() {
    for (int first : new int[] {10, 8}) {
      try (OnnxTextEncoder encoder =
          EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), first - 1, ownLayers(first))) {
        OnnxTextEncoder.Encoded encoded = encoder.encode(TEXTS);

        assertThat(encoder.tunedTop()).contains(new OnnxTextEncoder.TunedTop(first, 12 - first,
            ownLayers(first).classes()));
        for (int i = 0; i < TEXTS.size(); i++) {
          assertThat(encoded.logits()[i]).hasSize(384);
          for (int d = 0; d < 384; d++) {
            assertThat(encoded.logits()[i][d]).isCloseTo(encoded.vectors()[i][d], within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void theSearchVectorsAndTheTappedStateStayAsTheUnfusedEncoderGivesThem() {
    try (OnnxTextEncoder plain = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), 9);
        OnnxTextEncoder fused = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), 9, ownLayers(10))) {
      OnnxTextEncoder.Encoded before = plain.encode(TEXTS);
      OnnxTextEncoder.Encoded after = fused.encode(TEXTS);

      assertThat(before.logits()).isNull();
      assertThat(after.vectors()).isDeepEqualTo(before.vectors());
      assertThat(after.hidden()).isDeepEqualTo(before.hidden());
      assertThat(fused.embed(TEXTS)).isDeepEqualTo(plain.embed(TEXTS));
    }
  }

  @Test
  void aClassifierEncoderGivesTheSameLogitsWithoutTheEncodersUpperLayersOrVectors() {
    try (OnnxTextEncoder fused = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), -1, ownLayers(6));
        OnnxTextEncoder classifier = EncoderModel.BGE_SMALL_EN_V15.loadClassifier(EncoderSettings.defaults(), ownLayers(6))) {
      OnnxTextEncoder.Encoded full = fused.encode(TEXTS);
      OnnxTextEncoder.Encoded alone = classifier.encode(TEXTS);

      assertThat(alone.vectors()).isNull();
      assertThat(alone.hidden()).isNull();
      assertThat(classifier.dimension()).isZero();
      for (int i = 0; i < TEXTS.size(); i++) {
        for (int d = 0; d < 384; d++) {
          assertThat(alone.logits()[i][d]).isCloseTo(full.logits()[i][d], within(1e-5f));
        }
      }
      assertThatThrownBy(() -> classifier.embed(TEXTS)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no vectors");
    }
  }

  @Test
  void pruningKeepsOnlyTheNodesAndWeightsTheKeptOutputsNeed() {
    byte[] model = model();
    byte[] fused = TunedTopGraph.withTunedTop(model, ownLayers(6));
    byte[] pruned = OnnxGraph.pruned(fused, List.of(TunedTopGraph.LOGITS));
    Map<String, OnnxGraph.Tensor> weights = OnnxGraph.weights(pruned);

    // The encoder's own layers 6-11 are gone with their weights, the copies and layers 0-5 stay.
    assertThat(weights).containsKeys("encoder.layer.5.output.dense.bias", TunedTopGraph.PREFIX + "/classifier/bias");
    assertThat(weights.keySet()).anyMatch(name -> name.startsWith(TunedTopGraph.PREFIX + "/encoder.layer.6."))
        .anyMatch(name -> name.startsWith(TunedTopGraph.PREFIX + "/encoder.layer.11."));
    assertThat(weights.keySet()).noneMatch(name -> name.startsWith("encoder.layer.6.")
        || name.startsWith("encoder.layer.11."));
    assertThat(pruned.length).isLessThan(fused.length - 6 * 4 * 1_700_000);
    assertThatThrownBy(() -> OnnxGraph.pruned(model, List.of("no_such_output")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_output");
  }

  @Test
  void refusesATopMissingAWeightTheCopiedLayersRead() {
    BertTopFile.Weights top = ownLayers(10);
    Map<String, OnnxGraph.Tensor> tensors = new LinkedHashMap<>(top.tensors());
    tensors.remove("encoder.layer.11.output.dense.bias");
    BertTopFile.Weights missing = new BertTopFile.Weights(top.encoder(), top.header(), 10, 2,
        top.dimensions(), top.classes(), tensors);

    assertThatThrownBy(() -> TunedTopGraph.withTunedTop(model(), missing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encoder.layer.11.output.dense.bias");
  }

  @Test
  void refusesATopWithWeightsOutsideItsLayers() {
    BertTopFile.Weights top = ownLayers(9);
    BertTopFile.Weights narrower = new BertTopFile.Weights(top.encoder(), top.header(), 10, 2,
        top.dimensions(), top.classes(), top.tensors());

    assertThatThrownBy(() -> TunedTopGraph.withTunedTop(model(), narrower))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encoder.layer.9.");
  }

  private static byte[] model() {
    try (var in = TunedTopGraphTest.class.getClassLoader()
        .getResourceAsStream(EncoderModel.BGE_SMALL_EN_V15.modelResource())) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
