package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InsightFinderTest {

  /**
   * Answers each target from a function of it and records what it was asked; by default positive
   * toward anything named "acme", negative toward everything else.
   */
  static class FakeTargets implements TargetSentimentModel {
    final List<Target> asked = new ArrayList<>();
    private final String name;
    private final Function<Target, Sentiment> answer;

    FakeTargets() {
      this("fake-targets", t -> t.term().equalsIgnoreCase("acme")
          ? Sentiment.fromProbabilities(new Sentiment.Probabilities(0.1, 0.1, 0.8), List.of())
          : Sentiment.fromProbabilities(new Sentiment.Probabilities(0.7, 0.2, 0.1), List.of()));
    }

    FakeTargets(String name, Function<Target, Sentiment> answer) {
      this.name = name;
      this.answer = answer;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public List<Sentiment> score(List<Target> targets) {
      asked.addAll(targets);
      return targets.stream().map(answer).toList();
    }

    /** A model named {@code name} that answers each target with {@code answer}'s probabilities, as version {@code version}. */
    static FakeTargets answering(String name, String version, Function<Target, Sentiment.Probabilities> answer) {
      return new FakeTargets(name, t -> {
        Sentiment.Probabilities p = answer.apply(t);
        return Sentiment.fromProbabilities(p, List.of(new Sentiment.ModelOutput(name, version, p.argmax().wireName(),
            Map.of("negative", p.negative(), "neutral", p.neutral(), "positive", p.positive()))));
      });
    }
  }

  private static final Taxonomy TAXONOMY = new Taxonomy(
      List.of(new ThemeDefinition("complaints", "bad things", List.of("so bad"))),
      List.of(new BrandDefinition("acme", List.of("Acme"), null, true),
          new BrandDefinition("globex", List.of("Globex"), null, false)));

  private static Analysis analysis(ParsedText parsed) {
    Sentiment neutral = Sentiment.fromProbabilities(new Sentiment.Probabilities(0.2, 0.6, 0.2), List.of());
    return new Analysis(parsed.text(), "en", neutral, List.of(), List.of(), false, Instant.EPOCH, Map.of());
  }

  @Test
  void eachBrandGetsTheSentimentTowardItAndEachThemeItsEvidence() {
    FakeTargets targets = new FakeTargets();
    var detector = new ThemeDetector(new TransformerAndEnsembleSentimentTest.FakeEncoder(),
        new ThemeDetector.Calibration(-6, 5, 3, 0.5), null);
    var finder = new InsightFinder(detector, targets, null);
    ParsedText parsed = TransformerAndEnsembleSentimentTest.parsed(
        "Acme's app is great, unlike Globex's.", "Delivery was so bad.");

    Analysis found = finder.find(analysis(parsed), parsed, TAXONOMY);

    assertThat(found.brands()).extracting(BrandMention::name).containsExactly("acme", "globex");
    BrandMention acme = found.brands().get(0);
    BrandMention globex = found.brands().get(1);
    assertThat(acme.own()).isTrue();
    assertThat(acme.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(globex.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(acme.mentions()).containsExactly(new TextSpan(0, 4, "Acme"));
    assertThat(globex.mentions()).containsExactly(new TextSpan(28, 34, "Globex"));

    assertThat(found.themes()).singleElement().satisfies(theme -> {
      assertThat(theme.name()).isEqualTo("complaints");
      assertThat(theme.evidence()).containsExactly(new TextSpan(38, 58, "Delivery was so bad."));
      assertThat(theme.confidence()).isGreaterThan(0.5);
      assertThat(theme.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    });
    // One batch: the theme's evidence sentence, then each brand mention; two brands in one sentence
    // are each read in their own clause.
    assertThat(targets.asked).extracting(TargetSentimentModel.Target::term)
        .containsExactly("complaints", "Acme", "Globex");
    assertThat(targets.asked.get(1).sentence()).isEqualTo("Acme's app is great");
    assertThat(targets.asked.get(2).sentence()).isEqualTo("unlike Globex's.");
    assertThat(targets.asked.get(2).start()).isEqualTo(7);
  }

  @Test
  void aBrandComparedAgainstGetsTheOppositeOfTheBrandItIsComparedWith() {
    FakeTargets targets = new FakeTargets(); // positive toward Acme, negative toward anything else
    ParsedText parsed = TransformerAndEnsembleSentimentTest.parsed("Globex is slow compared to Acme.");

    Analysis found = new InsightFinder(null, targets, null).find(analysis(parsed), parsed, TAXONOMY);

    // The model says negative toward Globex and positive toward Acme; Acme is the one compared
    // against, so it gets the opposite of Globex's: positive.
    assertThat(found.brands()).extracting(b -> b.name() + ":" + b.sentiment().label().wireName())
        .containsExactly("globex:negative", "acme:positive");
    assertThat(found.brands().get(1).sentiment().models()).extracting(Sentiment.ModelOutput::name)
        .containsExactly("comparative-rule");
  }

  private static final Sentiment BAD =
      Sentiment.fromProbabilities(new Sentiment.Probabilities(0.8, 0.1, 0.1), List.of());
  private static final Sentiment FINE =
      Sentiment.fromProbabilities(new Sentiment.Probabilities(0.1, 0.8, 0.1), List.of());

  /** "Globex is bad. Acme is fine.", its sentences already scored negative and neutral. */
  private static Analysis badAndFine(ParsedText parsed) {
    return new Analysis(parsed.text(), "en", FINE,
        List.of(new SentenceAnalysis(0, 14, "Globex is bad.", BAD), new SentenceAnalysis(15, 28, "Acme is fine.", FINE)),
        List.of(), false, Instant.EPOCH, Map.of());
  }

  @Test
  void withoutModelsBrandsTakeTheirSentencesSentimentAndNoThemesAreFound() {
    ParsedText parsed = TransformerAndEnsembleSentimentTest.parsed("Globex is bad.", "Acme is fine.");
    Analysis plain = badAndFine(parsed);

    Analysis found = new InsightFinder(null, null, null).find(plain, parsed, TAXONOMY);

    assertThat(found.themes()).isEmpty();
    assertThat(found.brands()).extracting(b -> b.name() + ":" + b.sentiment().label().wireName())
        .containsExactly("globex:negative", "acme:neutral");
  }

  @Test
  void theTargetModelIsHandedTheSentimentsAlreadyFoundForTheSentences() {
    ParsedText parsed = TransformerAndEnsembleSentimentTest.parsed("Globex is bad.", "Acme is fine.");
    Analysis analysis = badAndFine(parsed);
    List<Map<String, Sentiment>> handed = new ArrayList<>();
    FakeTargets targets = new FakeTargets() {
      @Override
      public List<Sentiment> score(List<Target> asked, Map<String, Sentiment> known) {
        handed.add(known);
        return score(asked);
      }
    };

    new InsightFinder(null, targets, null).find(analysis, parsed, TAXONOMY);

    assertThat(handed).singleElement().satisfies(known -> assertThat(known)
        .containsEntry("Globex is bad.", BAD).containsEntry("Acme is fine.", FINE));
  }
}
