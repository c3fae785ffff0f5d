package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxHeadTest {

  private static final SoftmaxHead HEAD =
      new SoftmaxHead(
          List.of("negative", "neutral", "positive"),
          "test-encoder",
          new float[][] {{-1, 0.5f}, {0, 0}, {1, -0.25f}},
          new float[] {0.1f, 0.2f, -0.3f},
          1.0,
          null);

  @Test
  void probabilitiesAreTheSoftmaxOfTheLogits() {
    float[] x = {2, 1};

    float[] p = HEAD.probabilities(x);

    // Logits: -1.4, 0.2, 1.45.
    double z = Math.exp(-1.4) + Math.exp(0.2) + Math.exp(1.45);
    assertThat(p[0]).isCloseTo((float) (Math.exp(-1.4) / z), within(1e-6f));
    assertThat(p[2]).isCloseTo((float) (Math.exp(1.45) / z), within(1e-6f));
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
    assertThat(HEAD.predict(x)).isEqualTo(2);
  }

  @Test
  void aHigherTemperatureFlattensTheProbabilitiesButKeepsTheirOrder() {
    float[] x = {2, 1};

    float[] sharp = HEAD.probabilities(x);
    float[] soft = HEAD.withTemperature(4).probabilities(x);

    assertThat(soft[2]).isLessThan(sharp[2]);
    assertThat(soft[0]).isGreaterThan(sharp[0]);
    assertThat(soft[2]).isGreaterThan(soft[1]);
  }

  @Test
  void hugeLogitsDoNotOverflow() {
    SoftmaxHead head =
        new SoftmaxHead(
            List.of("a", "b"), "", new float[][] {{1e4f}, {-1e4f}}, new float[2], 1.0, null);

    assertThat(head.probabilities(new float[] {1})).containsExactly(1f, 0f);
  }

  @Test
  void aVectorOfTheWrongLengthIsRejected() {
    assertThatThrownBy(() -> HEAD.probabilities(new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expected 2 features");
  }

  @Test
  void savedAndLoadedHeadGivesIdenticalProbabilitiesAndBytes(@TempDir Path dir)
      throws IOException {
    SoftmaxHead head = HEAD.withTemperature(1.5);
    head = withReport(head);
    Path file = dir.resolve("head.json");
    head.save(file);

    SoftmaxHead loaded = SoftmaxHead.load(file);

    float[] x = {0.3f, -0.7f};
    assertThat(loaded.probabilities(x)).containsExactly(head.probabilities(x));
    assertThat(loaded.classes()).isEqualTo(head.classes());
    assertThat(loaded.encoder()).isEqualTo("test-encoder");
    assertThat(loaded.temperature()).isEqualTo(1.5);
    assertThat(loaded.training()).isEqualTo(head.training());
    Path again = dir.resolve("again.json");
    loaded.save(again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("\"format\" : \"voc.softmax-head\"")
        .contains("\"dataChecksum\" : \"sha256:abc\"");
  }

  @Test
  void aHeadLoadsFromTheClasspath() throws IOException {
    SoftmaxHead head = SoftmaxHead.loadResource("org/voc/models/tiny.head.json");

    assertThat(head.classes()).containsExactly("no", "yes");
    assertThat(head.probabilities(new float[] {1, 0})[1]).isGreaterThan(0.5f);
  }

  @Test
  void aFileWhoseSizesDisagreeIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    HEAD.save(file);
    String json = Files.readString(file).replace("\"dimension\" : 2", "\"dimension\" : 3");
    Files.writeString(file, json);

    assertThatThrownBy(() -> SoftmaxHead.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("do not match");
  }

  @Test
  void aFileOfAnotherFormatIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("other.json");
    Files.writeString(file, "{\"format\": \"something-else\"}");

    assertThatThrownBy(() -> SoftmaxHead.load(file)).isInstanceOf(IOException.class);
  }

  private static SoftmaxHead withReport(SoftmaxHead head) {
    TrainingReport report =
        new TrainingReport(
            TrainingOptions.builder().seed(7).classWeights(List.of(1.0, 2.0, 0.5)).build(),
            "sha256:abc",
            12,
            9,
            new SplitScores(90, 0.25, 0.9),
            Optional.of(new SplitScores(10, 0.5, 0.8)));
    return new SoftmaxHead(
        head.classes(), head.encoder(), head.weights(), head.bias(), head.temperature(), report);
  }
}
