package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.models.OnnxTextEncoder;

/** The shipped theme detection and target-sentiment model on texts written for this test. */
class ShippedInsightsTest {

  private static OnnxTextEncoder encoder;
  private static InsightFinder finder;

  private static final Taxonomy TAXONOMY = Taxonomy.defaults().withBrands(List.of(
      new BrandDefinition("acme", List.of("Acme"), List.of("RoadRunner"), true),
      new BrandDefinition("globex", List.of("Globex", "Globex Corp"), null, false)));

  @BeforeAll
  static void load() {
    encoder = ShippedSentiment.loadEncoder();
    finder = new InsightFinder(ShippedThemes.detector(encoder), ShippedSentiment.targets(encoder), null);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  private static Analysis find(String... sentences) {
    ParsedText parsed = TransformerAndEnsembleSentimentTest.parsed(sentences);
    Sentiment neutral = Sentiment.fromProbabilities(new Sentiment.Probabilities(0, 1, 0), List.of());
    return finder.find(new Analysis(parsed.text(), "en", neutral, List.of(), List.of(), false, Instant.EPOCH,
        Map.of()), parsed, TAXONOMY);
  }

  private static String brand(Analysis analysis, String name) {
    return analysis.brands().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow()
        .sentiment().label().wireName();
  }

  @Test
  void twoBrandsInOneSentenceGetOppositeSentiment() {
    Analysis analysis = find("Acme's app is great, unlike Globex's.");
    assertThat(brand(analysis, "acme")).isEqualTo("positive");
    assertThat(brand(analysis, "globex")).isEqualTo("negative");

    Analysis reversed = find("Globex Corp keeps crashing, so I switched to Acme and love it.");
    assertThat(brand(reversed, "globex")).isEqualTo("negative");
    assertThat(brand(reversed, "acme")).isEqualTo("positive");
  }

  @Test
  void aComplaintIsAboutShippingSupportAndBillingAllNegative() {
    Analysis analysis = find("Shipping took three weeks and nobody answered my emails.", "I want a refund.");
    assertThat(analysis.themes()).extracting(ThemeMatch::name).contains("shipping", "support", "billing");
    assertThat(analysis.themes()).allSatisfy(t -> {
      assertThat(t.sentiment().label()).isNotEqualTo(SentimentLabel.POSITIVE);
      assertThat(t.evidence()).isNotEmpty();
    });
  }

  @Test
  void praiseForOneThemeAndComplaintAboutAnother() {
    Analysis analysis = find("The app is really easy to use.",
        "But the price went up again and it is not worth the money.", "The battery life is great.");
    Map<String, SentimentLabel> themes = new java.util.HashMap<>();
    analysis.themes().forEach(t -> themes.put(t.name(), t.sentiment().label()));
    assertThat(themes).containsEntry("price", SentimentLabel.NEGATIVE);
    assertThat(themes).containsEntry("usability", SentimentLabel.POSITIVE);
    assertThat(themes).containsEntry("performance", SentimentLabel.POSITIVE);
  }

  @Test
  void theShippedTargetModelsAreAveragedAndTheFirstCanBeAskedForAlone() {
    var target = TargetSentimentModel.Target.about("The pasta was cold but the waiter was lovely.", "staff");
    TargetSentimentModel all = ShippedSentiment.targets(encoder);
    TargetSentimentModel first = ShippedSentiment.targets(encoder, 1);
    Sentiment averaged = all.score(List.of(target)).getFirst();
    Sentiment alone = first.score(List.of(target)).getFirst();

    assertThat(all.version().split(",")).hasSize(ShippedSentiment.TARGET_TOPS.size());
    assertThat(first.version()).isEqualTo(all.version().split(",")[0]);
    assertThat(averaged.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(averaged.models()).hasSize(2);
    assertThat(alone.models()).containsExactly(averaged.models().getFirst());
    double positive = averaged.models().stream().mapToDouble(m -> m.probabilities().get("positive")).average()
        .orElseThrow();
    assertThat(averaged.probabilities().positive()).isCloseTo(positive, org.assertj.core.data.Offset.offset(1e-6));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShippedSentiment.targets(encoder, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSentenceAlreadyScoredByTheTransformerIsNotScoredAgain() {
    TransformerSentiment transformer = ShippedSentiment.transformer(encoder);
    SentenceLevelTargets sentences = new SentenceLevelTargets(transformer);
    var refund = TargetSentimentModel.Target.about("I want a refund.", "billing");
    var food = TargetSentimentModel.Target.about("The food was great.", "food");
    // Numbers the transformer would not give for this sentence, so that reuse shows.
    var output = new Sentiment.ModelOutput(transformer.name(), transformer.version(), "negative",
        Map.of("negative", 0.61, "neutral", 0.27, "positive", 0.12));
    var ensemble = new Sentiment.ModelOutput("ensemble", "1", "neutral",
        Map.of("negative", 0.2, "neutral", 0.7, "positive", 0.1));
    Sentiment known = Sentiment.fromProbabilities(new Sentiment.Probabilities(0.2, 0.7, 0.1), List.of(output, ensemble));
    var otherVersion = new Sentiment.ModelOutput(transformer.name(), "older", "negative",
        Map.of("negative", 0.99, "neutral", 0.005, "positive", 0.005));

    List<Sentiment> scored = sentences.score(List.of(refund, food, refund), Map.of(refund.sentence(), known,
        food.sentence(), Sentiment.fromProbabilities(new Sentiment.Probabilities(0.99, 0.005, 0.005),
            List.of(otherVersion))));

    assertThat(scored.get(0).probabilities()).isEqualTo(new Sentiment.Probabilities(0.61, 0.27, 0.12));
    assertThat(scored.get(0).models()).containsExactly(output);
    assertThat(scored.get(2)).isEqualTo(scored.get(0));
    // Another version's output is not this transformer's: the sentence is scored.
    assertThat(scored.get(1).probabilities())
        .isEqualTo(transformer.scoreTexts(List.of(food.sentence())).getFirst().probabilities());
    assertThat(scored.get(1).label()).isEqualTo(SentimentLabel.POSITIVE);
  }
}
