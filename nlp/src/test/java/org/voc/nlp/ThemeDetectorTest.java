package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.models.SoftmaxHead;

class ThemeDetectorTest {

  /** The fake encoder puts "bad" texts on axis 0, "good" ones on axis 1, the rest on axis 2. */
  private static final ThemeDefinition COMPLAINTS =
      new ThemeDefinition("complaints", "bad things", List.of("so bad", "took three weeks"));
  private static final ThemeDefinition SHIPPING = new ThemeDefinition("shipping", "", List.of());

  @Test
  void similarityAndNamingGiveTheProbability() {
    // p = sigmoid(-6 + 5 cos + 3 named): cos 1 alone gives 0.27, named alone 0.05, both 0.88.
    var detector = new ThemeDetector(new TransformerAndEnsembleSentimentTest.FakeEncoder(),
        new ThemeDetector.Calibration(-6, 5, 3, 0.5), null);
    List<String> sentences = List.of("a bad day", "It took three weeks, so bad", "Shipped quickly", "fine");
    var encoder = new TransformerAndEnsembleSentimentTest.FakeEncoder();
    ThemeDetector.Scores scores = detector.score(List.of(COMPLAINTS, SHIPPING), sentences, encoder.embed(sentences));

    assertThat(scores.about()[0]).containsExactly(false, false);
    assertThat(scores.about()[1]).containsExactly(true, false);
    assertThat(scores.probability()[1][0]).isGreaterThan(0.85);
    assertThat(scores.probability()[2][1]).isGreaterThan(scores.probability()[3][1]); // "Shipped" names shipping
    assertThat(scores.about()[3]).containsExactly(false, false);
  }

  @Test
  void stemsMatchInflectedWords() {
    assertThat(ThemeDetector.stem("shipping")).isEqualTo(ThemeDetector.stem("shipped"));
    assertThat(ThemeDetector.stem("prices")).isEqualTo(ThemeDetector.stem("price"));
    assertThat(ThemeDetector.stem("billing")).isEqualTo(ThemeDetector.stem("bills"));
  }

  @Test
  void trainedHeadsAreUsedOnlyForATaxonomyTheyCover(@TempDir Path dir) throws Exception {
    // A head that says "yes" when the sentence vector's axis 2 is set.
    float[][] w = new float[2][5];
    w[1][2] = 10;
    var head = new SoftmaxHead(List.of("no", "yes"), "fake", w, new float[] {0, -5}, 1.0, null);
    new ThemeDetector.Heads(Map.of("shipping", new ThemeDetector.Heads.Head(head, 0.4))).save(dir);
    ThemeDetector.Heads heads = ThemeDetector.Heads.load(dir);
    var encoder = new TransformerAndEnsembleSentimentTest.FakeEncoder();
    var detector = new ThemeDetector(encoder, new ThemeDetector.Calibration(-100, 0, 0, 0.5), heads);
    List<String> sentences = List.of("where is my parcel", "bad");

    assertThat(heads.covers(List.of(SHIPPING))).isTrue();
    assertThat(detector.score(List.of(SHIPPING), sentences, encoder.embed(sentences)).about())
        .isDeepEqualTo(new boolean[][] {{true}, {false}});
    // With a theme the heads do not cover, the calibration (here: never) decides for all themes.
    assertThat(detector.score(List.of(SHIPPING, COMPLAINTS), sentences, encoder.embed(sentences)).about())
        .isDeepEqualTo(new boolean[][] {{false, false}, {false, false}});
  }

  @Test
  void theDefaultTaxonomyShipsTenDescribedThemes() {
    List<ThemeDefinition> themes = Taxonomy.defaultThemes();
    assertThat(themes).extracting(ThemeDefinition::name).contains("shipping", "price", "support", "billing",
        "account", "features").hasSize(10);
    assertThat(themes).allSatisfy(t -> {
      assertThat(t.description()).isNotBlank();
      assertThat(t.examples()).hasSizeGreaterThanOrEqualTo(5);
    });
  }

  @Test
  void aTaxonomyRefusesTwoThemesOfOneName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Taxonomy(List.of(SHIPPING, SHIPPING), null))
        .hasMessageContaining("two themes are named 'shipping'");
  }
}
