package org.voc.eval.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.models.TextEncoder;
import org.voc.nlp.Sentiment;
import org.voc.nlp.TargetSentimentModel;
import org.voc.nlp.ThemeDefinition;
import org.voc.nlp.ThemeDetector;

class ThemeEvaluationTest {

  /** Every text on one axis, so that only naming a theme decides. */
  private static final TextEncoder FLAT = new TextEncoder() {
    @Override
    public String name() {
      return "flat";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[][] embed(List<String> texts) {
      return texts.stream().map(t -> new float[] {1, 0}).toArray(float[][]::new);
    }

    @Override
    public void close() {}
  };

  /** Says "negative" about everything. */
  private static final TargetSentimentModel GLOOMY = new TargetSentimentModel() {
    @Override
    public String name() {
      return "gloomy";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public List<Sentiment> score(List<Target> targets) {
      return targets.stream()
          .map(t -> Sentiment.fromProbabilities(new Sentiment.Probabilities(1, 0, 0), List.of())).toList();
    }
  };

  @Test
  void countsDetectionAgainstTheGoldSetAndPolarityOnGoldThemes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("themes.jsonl");
    Files.writeString(file, """
        {"text": "The food was cold and the staff rude.", "themes": [{"name": "food", "label": "negative"}, {"name": "staff", "label": "negative"}]}
        {"text": "Great food, we will come back.", "themes": [{"name": "food", "label": "positive"}, {"name": "miscellaneous", "label": "positive"}]}
        """);
    ThemeFile themes = ThemeFile.read(file);
    List<ThemeDefinition> taxonomy = TaxonomyFile.themes(null, themes.themeNames());
    // Only naming counts: p = sigmoid(-5 + 10 named).
    var detector = new ThemeDetector(FLAT, new ThemeDetector.Calibration(-5, 0, 10, 0.5), null);

    Map<String, Object> result = ThemeEvaluation.run(themes, taxonomy, detector, GLOOMY, n -> { });

    // Found: food twice, staff once; missed: miscellaneous. tp 3, fp 0, fn 1.
    assertThat((double) result.get("detection_micro_f1")).isCloseTo(6.0 / 7, within(1e-9));
    assertThat((double) result.get("detection_micro_precision")).isEqualTo(1.0);
    assertThat((double) result.get("detection_macro_f1")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat((double) result.get("polarity_accuracy")).isCloseTo(0.5, within(1e-9));
    assertThat(result.get("polarity_n")).isEqualTo(4L);
    assertThat(taxonomy.get(0).description()).contains("food and drinks"); // the bundled description
  }
}
