package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The target model's answer where it is sure, its sentence's where it is not. */
class ConfidentTargetsTest {

  /** A model named {@code name} that answers each target with {@code answer}'s probabilities. */
  private static InsightFinderTest.FakeTargets scripted(String name,
      Function<TargetSentimentModel.Target, Sentiment.Probabilities> answer) {
    return InsightFinderTest.FakeTargets.answering(name, "1", answer);
  }

  private static final TargetSentimentModel.Target REFUND =
      TargetSentimentModel.Target.about("I want a refund.", "billing");
  private static final TargetSentimentModel.Target FOOD =
      TargetSentimentModel.Target.about("Great food, rude waiter.", "food");

  @Test
  void anUnsureTargetTakesItsSentencesSentimentAndListsBothModels() {
    InsightFinderTest.FakeTargets targets = scripted("target", t -> t == REFUND
        ? new Sentiment.Probabilities(0.34, 0.29, 0.37) : new Sentiment.Probabilities(0.05, 0.05, 0.90));
    InsightFinderTest.FakeTargets sentences = scripted("sentence", t -> new Sentiment.Probabilities(0.88, 0.11, 0.01));

    ConfidentTargets confident = new ConfidentTargets(targets, sentences, 0.5);
    List<Sentiment> scored = confident.score(List.of(FOOD, REFUND));
    confident.score(List.of(REFUND, FOOD, REFUND));

    assertThat(confident.fallbacks()).isEqualTo(3);
    assertThat(scored.get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(scored.get(0).models()).extracting(Sentiment.ModelOutput::name).containsExactly("target");
    assertThat(scored.get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(scored.get(1).probabilities().negative()).isEqualTo(0.88);
    assertThat(scored.get(1).models()).extracting(Sentiment.ModelOutput::name).containsExactly("target", "sentence");
    assertThat(sentences.asked).containsExactly(REFUND, REFUND, REFUND);
  }

  @Test
  void aSureTargetModelIsNeverSecondGuessed() {
    InsightFinderTest.FakeTargets targets = scripted("target", t -> new Sentiment.Probabilities(0.6, 0.3, 0.1));
    InsightFinderTest.FakeTargets sentences = scripted("sentence", t -> new Sentiment.Probabilities(0.0, 0.0, 1.0));

    ConfidentTargets confident = new ConfidentTargets(targets, sentences, 0.5);
    List<Sentiment> scored = confident.score(List.of(FOOD, REFUND));

    assertThat(scored).extracting(Sentiment::label).containsOnly(SentimentLabel.NEGATIVE);
    assertThat(confident.fallbacks()).isZero();
    assertThat(sentences.asked).isEmpty();
    assertThat(new ConfidentTargets(targets, sentences, 0.5).name()).isEqualTo("target");
  }

  @Test
  void theThresholdIsAProbability() {
    InsightFinderTest.FakeTargets any = scripted("m", t -> new Sentiment.Probabilities(1, 0, 0));
    assertThatThrownBy(() -> new ConfidentTargets(any, any, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void theFallbackIsHandedTheSentencesAlreadyScored() {
    InsightFinderTest.FakeTargets targets = scripted("target", t -> new Sentiment.Probabilities(0.34, 0.29, 0.37));
    Sentiment known = Sentiment.fromProbabilities(new Sentiment.Probabilities(0.9, 0.05, 0.05), List.of());
    List<Map<String, Sentiment>> handed = new java.util.ArrayList<>();
    TargetSentimentModel sentences = new InsightFinderTest.FakeTargets("sentence", t -> null) {
      @Override
      public List<Sentiment> score(List<Target> asked, Map<String, Sentiment> given) {
        handed.add(given);
        return asked.stream().map(t -> given.get(t.sentence())).toList();
      }
    };

    List<Sentiment> scored = new ConfidentTargets(targets, sentences, 0.5)
        .score(List.of(REFUND), Map.of(REFUND.sentence(), known));

    assertThat(handed).containsExactly(Map.of(REFUND.sentence(), known));
    assertThat(scored.getFirst().probabilities()).isEqualTo(known.probabilities());
  }
}
