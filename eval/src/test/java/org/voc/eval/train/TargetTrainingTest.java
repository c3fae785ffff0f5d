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

  @Test
  void tuningMoreLayersThanTheSentimentModelStartsTheLowerOnesFromTheEncoder(@TempDir Path dir) throws Exception {
    Path file = rows(dir);
    TargetTraining.Recipe recipe = new TargetTraining.Recipe(List.of(file), List.of(file), 7, 1, 1e-4, 1e-3, 3);

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
    byte[] shipped;
    try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(org.voc.nlp.ShippedSentiment.TOP)) {
      shipped = in.readAllBytes();
    }
    Path start = dir.resolve("sentiment-before.bin");
    Files.write(start, shipped);
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(shipped));
    TargetTraining.Recipe recipe = new TargetTraining.Recipe(List.of(file), List.of(), 7, 1, 1e-4, 1e-3, 2);

    @SuppressWarnings("unchecked")
    Map<String, Object> fromFile = (Map<String, Object>) TargetTraining.run(recipe.startingFrom(start)).report().get("recipe");
    @SuppressWarnings("unchecked")
    Map<String, Object> fromShipped = (Map<String, Object>) TargetTraining.run(recipe).report().get("recipe");

    assertThat((String) fromFile.get("start")).endsWith("sentiment-before.bin");
    assertThat(fromFile).containsEntry("startSha256", sha);
    assertThat(fromShipped).containsEntry("start", org.voc.nlp.ShippedSentiment.TOP).containsEntry("startSha256", sha);
    Files.writeString(dir.resolve("not-a-top.bin"), "hello");
    assertThatThrownBy(() -> TargetTraining.run(recipe.startingFrom(dir.resolve("not-a-top.bin"))))
        .hasMessageContaining("not a voc fine-tuned encoder top");
  }

  @Test
  void fewerLayersThanTheSentimentModelsAreRefused(@TempDir Path dir) throws Exception {
    Path file = rows(dir);
    assertThatThrownBy(() -> TargetTraining.run(new TargetTraining.Recipe(List.of(file), List.of(), 7, 1, 1e-4, 1e-3, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tune 2 to 11");
  }
}
