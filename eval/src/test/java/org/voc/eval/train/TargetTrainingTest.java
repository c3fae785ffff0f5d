package org.voc.eval.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code voc train targets} on a small file we wrote, with more layers tuned than the sentiment model's. */
class TargetTrainingTest {

  private static final String[][] ROWS = {
      {"The battery is great but the screen cracked.", "battery", "positive"},
      {"The battery is great but the screen cracked.", "screen", "negative"},
      {"Lovely staff, awful food.", "staff", "positive"},
      {"Lovely staff, awful food.", "food", "negative"},
      {"The price is fine and the delivery was quick.", "price", "neutral"},
      {"The price is fine and the delivery was quick.", "delivery", "positive"},
      {"Support never answered, though the app works.", "Support", "negative"},
      {"Support never answered, though the app works.", "app", "positive"},
  };

  private static Path rows(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String[] row : ROWS) {
      int from = row[0].indexOf(row[1]);
      lines.add("{\"text\": \"" + row[0] + "\", \"aspect\": \"" + row[1] + "\", \"from\": " + from
          + ", \"to\": " + (from + row[1].length()) + ", \"label\": \"" + row[2] + "\"}");
    }
    Path file = dir.resolve("targets.jsonl");
    Files.write(file, lines);
    return file;
  }

  /** A shipped resource's bytes. */
  private static byte[] shipped(String resource) throws Exception {
    try (java.io.InputStream in = TargetTrainingTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  /** The two-layer sentiment model (the fast pipeline's) as a file to start from. */
  private static Path twoLayerStart(Path dir) throws Exception {
    return Files.write(dir.resolve("sentiment-2-layers.bin"), shipped(org.voc.nlp.ShippedSentiment.FAST_TOP));
  }

  @Test
  void tuningMoreLayersThanTheSentimentModelStartsTheLowerOnesFromTheEncoder(@TempDir Path dir) throws Exception {
    Path file = rows(dir);
    TargetTraining.Recipe recipe = new TargetTraining.Recipe(List.of(file), List.of(file), 7, 1, 1e-4, 1e-3, 3)
        .startingFrom(twoLayerStart(dir));

    TargetTraining.Result result = TargetTraining.run(recipe);

    assertThat(result.top().firstLayer()).isEqualTo(9);
    assertThat(result.top().layers()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> scores = (List<Map<String, Object>>) result.report().get("scores");
    assertThat(scores).extracting(s -> s.get("model")).containsExactly("target-transformer", "sentence-transformer");
    assertThat(scores).allSatisfy(s -> assertThat((Integer) s.get("n")).isEqualTo(ROWS.length));
    @SuppressWarnings("unchecked")
    Map<String, Object> described = (Map<String, Object>) result.report().get("recipe");
    assertThat(described).containsEntry("layers", 3);
    TargetTraining.save(result, dir.resolve("out"));
    assertThat(dir.resolve("out/target-top.bin")).isNotEmptyFile();
    try (java.io.InputStream in = Files.newInputStream(dir.resolve("out/target-top.bin"))) {
      // The file says how its pairs were written, so that the service writes them the same way.
      assertThat(org.voc.nlp.ShippedSentiment.targetPairs(org.voc.models.BertTopFile.read(in)))
          .isEqualTo(org.voc.nlp.TargetTransformer.PairFormat.TRAINED);
    }
  }

  @Test
  void theSentimentLayersToStartFromCanBeAFileAndTheReportNamesAndHashesThem(@TempDir Path dir) throws Exception {
    Path file = rows(dir);
    Path start = twoLayerStart(dir);
    String sha = sha256(Files.readAllBytes(start));
    TargetTraining.Recipe recipe = new TargetTraining.Recipe(List.of(file), List.of(), 7, 1, 1e-4, 1e-3, 2);

    @SuppressWarnings("unchecked")
    Map<String, Object> fromFile = (Map<String, Object>) TargetTraining.run(recipe.startingFrom(start)).report().get("recipe");
    // The shipped sentiment model tunes layers 1-11: a target model from it tunes all eleven.
    TargetTraining.Recipe all = new TargetTraining.Recipe(List.of(file), List.of(), 7, 1, 1e-4, 1e-3, 11);
    @SuppressWarnings("unchecked")
    Map<String, Object> fromShipped = (Map<String, Object>) TargetTraining.run(all).report().get("recipe");

    assertThat((String) fromFile.get("start")).endsWith("sentiment-2-layers.bin");
    assertThat(fromFile).containsEntry("startSha256", sha);
    assertThat(fromShipped).containsEntry("start", org.voc.nlp.ShippedSentiment.TOP)
        .containsEntry("startSha256", sha256(shipped(org.voc.nlp.ShippedSentiment.TOP)));
    Files.writeString(dir.resolve("not-a-top.bin"), "hello");
    assertThatThrownBy(() -> TargetTraining.run(recipe.startingFrom(dir.resolve("not-a-top.bin"))))
        .hasMessageContaining("not a voc fine-tuned encoder top");
  }

  @Test
  void fewerLayersThanTheSentimentModelsAreRefused(@TempDir Path dir) throws Exception {
    Path file = rows(dir);
    TargetTraining.Recipe one = new TargetTraining.Recipe(List.of(file), List.of(), 7, 1, 1e-4, 1e-3, 1);
    assertThatThrownBy(() -> TargetTraining.run(one.startingFrom(twoLayerStart(dir))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tune 2 to 11");
    TargetTraining.Recipe nine = new TargetTraining.Recipe(List.of(file), List.of(), 7, 1, 1e-4, 1e-3, 9);
    assertThatThrownBy(() -> TargetTraining.run(nine))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tune 11 to 11");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
