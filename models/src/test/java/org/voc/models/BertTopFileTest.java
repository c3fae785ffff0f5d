package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file format of fine-tuned layers, in half precision and with 8-bit matrices. */
class BertTopFileTest {

  private static BertTopFile.Weights weights() {
    Random random = new Random(3);
    float[] matrix = new float[8 * 16];
    for (int r = 0; r < 8; r++) {
      float magnitude = (float) Math.pow(10, r - 4); // rows of very different sizes
      for (int c = 0; c < 16; c++) {
        matrix[r * 16 + c] = (float) random.nextGaussian() * magnitude;
      }
    }
    matrix[5] = 0; // zeros stay zeros
    float[] zeroRowMatrix = new float[2 * 4];
    float[] vector = {0.5f, -1.25f, 3e-3f, 7f};
    Map<String, OnnxGraph.Tensor> tensors = new LinkedHashMap<>();
    tensors.put("layer.weight", new OnnxGraph.Tensor("layer.weight", new long[] {8, 16}, matrix));
    tensors.put("empty.weight", new OnnxGraph.Tensor("empty.weight", new long[] {2, 4}, zeroRowMatrix));
    tensors.put("layer.bias", new OnnxGraph.Tensor("layer.bias", new long[] {4}, vector));
    return new BertTopFile.Weights("enc", new ObjectMapper().createObjectNode().put("training", "x"), 10, 2,
        BertTop.Dimensions.SMALL, List.of("negative", "neutral", "positive"), tensors);
  }

  private static BertTopFile.Weights read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return BertTopFile.read(in);
    }
  }

  @Test
  void eightBitMatricesComeBackWithinHalfAStepOfTheirRowAndVectorsAsHalfFloats(@TempDir Path dir) throws Exception {
    BertTopFile.Weights original = weights();
    BertTopFile.save(original, dir.resolve("half.bin"), BertTopFile.Precision.HALF);
    BertTopFile.save(original, dir.resolve("int8.bin"), BertTopFile.Precision.INT8);

    BertTopFile.Weights half = read(dir.resolve("half.bin"));
    BertTopFile.Weights int8 = read(dir.resolve("int8.bin"));

    float[] matrix = original.tensors().get("layer.weight").data();
    float[] back = int8.tensors().get("layer.weight").data();
    for (int r = 0; r < 8; r++) {
      float max = 0;
      for (int c = 0; c < 16; c++) {
        max = Math.max(max, Math.abs(matrix[r * 16 + c]));
      }
      for (int c = 0; c < 16; c++) {
        assertThat(back[r * 16 + c]).as("row %d column %d", r, c)
            .isCloseTo(matrix[r * 16 + c], within(max / 127f * 0.51f + max * 1e-3f));
      }
    }
    assertThat(back[5]).isZero();
    assertThat(int8.tensors().get("empty.weight").data()).containsOnly(0f);
    assertThat(int8.tensors().get("layer.bias").data()).containsExactly(0.5f, -1.25f,
        Float.float16ToFloat(Float.floatToFloat16(3e-3f)), 7f);
    assertThat(half.tensors().get("layer.weight").data()[3]).isCloseTo(matrix[3], within(Math.abs(matrix[3]) * 1e-3f));
    assertThat(int8.header().get("tensors").get(0).get("encoding").asText()).isEqualTo("int8-rows");
    assertThat(half.header().get("tensors").get(0).has("encoding")).isFalse();
    assertThat(int8.firstLayer()).isEqualTo(10);
    assertThat(int8.classes()).containsExactly("negative", "neutral", "positive");
    assertThat(int8.header().get("training").asText()).isEqualTo("x");
    assertThat(Files.size(dir.resolve("int8.bin"))).isLessThan(Files.size(dir.resolve("half.bin")));
  }

  @Test
  void rewritingTheTrainingHeaderKeepsEveryWeightByteAndTheRestOfTheHeader(@TempDir Path dir) throws Exception {
    BertTopFile.save(weights(), dir.resolve("int8.bin"), BertTopFile.Precision.INT8);
    BertTopFile.Weights before = read(dir.resolve("int8.bin"));

    BertTopFile.rewriteTraining(dir.resolve("int8.bin"), dir.resolve("again.bin"),
        new ObjectMapper().createObjectNode().put("pairs", "marked"));
    BertTopFile.Weights after = read(dir.resolve("again.bin"));

    assertThat(after.header().get("training").get("pairs").asText()).isEqualTo("marked");
    assertThat(after.header().get("tensors")).isEqualTo(before.header().get("tensors"));
    assertThat(after.firstLayer()).isEqualTo(before.firstLayer());
    assertThat(after.classes()).isEqualTo(before.classes());
    for (String name : before.tensors().keySet()) {
      assertThat(after.tensors().get(name).data()).as(name).containsExactly(before.tensors().get(name).data());
    }
    byte[] old = Files.readAllBytes(dir.resolve("int8.bin"));
    byte[] now = Files.readAllBytes(dir.resolve("again.bin"));
    assertThat(java.util.Arrays.copyOfRange(now, weightsAt(now), now.length))
        .isEqualTo(java.util.Arrays.copyOfRange(old, weightsAt(old), old.length));
  }

  @Test
  void eightBitDifferencesFromTheBaseEncoderComeBackFarCloserThanEightBitWeights(@TempDir Path dir) throws Exception {
    String name = "encoder.layer.3.attention.self.query.weight";
    OnnxGraph.Tensor base = EncoderModel.BGE_SMALL_EN_V15.weights().get(name);
    Random random = new Random(5);
    float[] tuned = base.data().clone();
    for (int i = 0; i < tuned.length; i++) {
      tuned[i] += (float) random.nextGaussian() * 1e-3f; // what fine-tuning moves a weight by
    }
    float[] classifier = {0.25f, -0.5f, 1f, 2f, -3f, 0.125f};
    Map<String, OnnxGraph.Tensor> tensors = new LinkedHashMap<>();
    tensors.put(name, new OnnxGraph.Tensor(name, base.shape(), tuned));
    tensors.put("classifier.weight", new OnnxGraph.Tensor("classifier.weight", new long[] {2, 3}, classifier));
    BertTopFile.Weights top = new BertTopFile.Weights("bge-small-en-v1.5",
        new ObjectMapper().createObjectNode().put("training", "x"), 1, 11, BertTop.Dimensions.SMALL,
        List.of("negative", "neutral", "positive"), tensors);
    BertTopFile.save(top, dir.resolve("delta.bin"), BertTopFile.Precision.INT8_DELTA);
    BertTopFile.save(top, dir.resolve("int8.bin"), BertTopFile.Precision.INT8);

    BertTopFile.Weights delta = read(dir.resolve("delta.bin"));
    BertTopFile.Weights int8 = read(dir.resolve("int8.bin"));

    assertThat(delta.header().get("tensors").get(0).get("encoding").asText()).isEqualTo("int8-delta-rows");
    assertThat(delta.header().get("tensors").get(1).get("encoding").asText()).isEqualTo("int8-rows");
    // The same bytes per weight; the headers differ by the encodings' names.
    assertThat(Math.abs(Files.size(dir.resolve("delta.bin")) - Files.size(dir.resolve("int8.bin")))).isLessThan(64);
    double deltaError = 0;
    double int8Error = 0;
    float[] fromDelta = delta.tensors().get(name).data();
    float[] fromInt8 = int8.tensors().get(name).data();
    for (int i = 0; i < tuned.length; i++) {
      deltaError = Math.max(deltaError, Math.abs(fromDelta[i] - tuned[i]));
      int8Error = Math.max(int8Error, Math.abs(fromInt8[i] - tuned[i]));
    }
    assertThat(deltaError).isLessThan(6e-5); // half a step of rows whose differences reach about 5e-3
    assertThat(deltaError).isLessThan(int8Error / 20);
    assertThat(delta.tensors().get("classifier.weight").data())
        .containsExactly(int8.tensors().get("classifier.weight").data());
  }

  @Test
  void differencesNeedABaseEncoderVocShips(@TempDir Path dir) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BertTopFile.save(weights(), dir.resolve("delta.bin"), BertTopFile.Precision.INT8_DELTA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enc");
  }

  /** Where the weights start: after the 7-byte magic, the header's length and the header. */
  private static int weightsAt(byte[] file) {
    return 7 + 4 + java.nio.ByteBuffer.wrap(file, 7, 4).getInt();
  }
}
