package org.voc.eval.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.nlp.ShippedSentiment;

/**
 * The shipped models were made by the default recipes: each {@code training.json} that ships beside
 * a model records the files, seed, epochs and layers it was trained with, and {@code voc train}
 * without options must use the same, or the README's "reproduces the shipped model" is untrue.
 */
class ShippedRecipeTest {

  private static final Path DATA = Path.of("/data");

  private static JsonNode training(String resource) throws Exception {
    try (InputStream in = ShippedRecipeTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  private static List<String> files(JsonNode list) {
    List<String> files = new ArrayList<>();
    list.forEach(entry -> files.add(entry.get("file").asText()));
    return files;
  }

  private static List<String> shown(List<Path> paths) {
    return paths.stream().map(SentimentTraining::shown).toList();
  }

  @Test
  void theShippedSentimentModelIsTheDefaultRecipes() throws Exception {
    JsonNode recorded = training("org/voc/nlp/sentiment/training.json").get("recipe");
    SentimentRecipe recipe = SentimentRecipe.shipped(DATA);

    assertThat(files(recorded.get("train"))).isEqualTo(shown(recipe.trainFiles()));
    assertThat(files(recorded.get("calibration"))).isEqualTo(shown(recipe.calibrationFiles()));
    assertThat(recorded.get("seed").asInt()).isEqualTo(recipe.seed());
    assertThat(recorded.get("encoder").asText()).isEqualTo(recipe.encoder());
    JsonNode tuning = recorded.get("fineTuning");
    assertThat(tuning.get("layers").asInt()).isEqualTo(recipe.fineTuning().layers());
    assertThat(tuning.get("epochs").asInt()).isEqualTo(recipe.fineTuning().epochs());
    assertThat(tuning.get("learningRate").asDouble()).isEqualTo(recipe.fineTuning().learningRate());
  }

  @Test
  void eachShippedTargetModelIsTheDefaultRecipeWithItsEpochs() throws Exception {
    List<String> recorded = List.of("org/voc/nlp/targets/training.json", "org/voc/nlp/targets/training-2.json");
    assertThat(TargetTraining.Recipe.SHIPPED_EPOCHS).hasSize(recorded.size());
    assertThat(ShippedSentiment.TARGET_TOPS).hasSize(recorded.size());
    for (int member = 0; member < recorded.size(); member++) {
      JsonNode recipeRecorded = training(recorded.get(member)).get("recipe");
      TargetTraining.Recipe recipe = TargetTraining.Recipe.shipped(DATA, member);

      assertThat(files(recipeRecorded.get("train"))).isEqualTo(shown(recipe.trainFiles()));
      assertThat(recipeRecorded.get("seed").asInt()).isEqualTo(recipe.seed());
      assertThat(recipeRecorded.get("epochs").asInt()).as(recorded.get(member)).isEqualTo(recipe.epochs());
      assertThat(recipeRecorded.get("layers").asInt()).isEqualTo(recipe.layers());
      assertThat(recipeRecorded.get("learningRate").asDouble()).isEqualTo(recipe.learningRate());
      assertThat(recipeRecorded.get("startSha256").asText())
          .isEqualTo(training("org/voc/nlp/targets/training.json").get("recipe").get("startSha256").asText());
    }
    assertThat(TargetTraining.Recipe.shipped(DATA)).isEqualTo(TargetTraining.Recipe.shipped(DATA, 0));
  }
}
