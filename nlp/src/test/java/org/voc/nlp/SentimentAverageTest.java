package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Document sentiment from fixed sentence scores; no model runs. */
class SentimentAverageTest {

  private static final double EPS = 1e-9;

  @Test
  void probabilitiesAreAveragedWeightedBySentenceLength() {
    Sentiment negative = sentiment(0.8, 0.2, 0.0);
    Sentiment positive = sentiment(0.0, 0.4, 0.6);

    Sentiment document = SentimentAverage.weighted(List.of(negative, positive), List.of(30, 10));

    // (30 * 0.8 + 10 * 0.0) / 40, and so on.
    assertThat(document.probabilities().negative()).isCloseTo(0.6, within(EPS));
    assertThat(document.probabilities().neutral()).isCloseTo(0.25, within(EPS));
    assertThat(document.probabilities().positive()).isCloseTo(0.15, within(EPS));
    assertThat(document.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(document.score()).isCloseTo(0.15 - 0.6, within(EPS));
  }

  @Test
  void aLongerSentenceOutweighsAShorterOneOfOppositeSentiment() {
    Sentiment negative = sentiment(0.9, 0.1, 0.0);
    Sentiment positive = sentiment(0.0, 0.1, 0.9);

    assertThat(SentimentAverage.weighted(List.of(negative, positive), List.of(10, 50)).label())
        .isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SentimentAverage.weighted(List.of(negative, positive), List.of(50, 10)).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void eachModelsOwnClassesAreAveragedAndTheirArgmaxIsItsLabel() {
    Sentiment first = sentiment(0.1, 0.1, 0.8, output("fake", "up", 0.2, "down", 0.8));
    Sentiment second = sentiment(0.1, 0.1, 0.8, output("fake", "up", 1.0, "down", 0.0));

    Sentiment document = SentimentAverage.weighted(List.of(first, second), List.of(1, 3));

    assertThat(document.models()).hasSize(1);
    Sentiment.ModelOutput fake = document.models().get(0);
    assertThat(fake.name()).isEqualTo("fake");
    assertThat(fake.version()).isEqualTo("1");
    assertThat(fake.probabilities().get("up")).isCloseTo(0.8, within(EPS));
    assertThat(fake.probabilities().get("down")).isCloseTo(0.2, within(EPS));
    assertThat(fake.label()).isEqualTo("up");
  }

  @Test
  void outputsOfSeveralModelsStayApartInFirstSeenOrder() {
    Sentiment sentence = sentiment(0.2, 0.6, 0.2, output("b", "x", 1.0), output("a", "y", 1.0));

    Sentiment document = SentimentAverage.weighted(List.of(sentence), List.of(5));

    assertThat(document.models()).extracting(Sentiment.ModelOutput::name).containsExactly("b", "a");
  }

  @Test
  void noSentencesGiveCertainNeutral() {
    Sentiment document = SentimentAverage.weighted(List.of(), List.of());

    assertThat(document.label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(document.probabilities()).isEqualTo(new Sentiment.Probabilities(0, 1, 0));
    assertThat(document.score()).isZero();
    assertThat(document.models()).isEmpty();
  }

  private static Sentiment sentiment(
      double negative, double neutral, double positive, Sentiment.ModelOutput... outputs) {
    return Sentiment.fromProbabilities(
        new Sentiment.Probabilities(negative, neutral, positive), List.of(outputs));
  }

  private static Sentiment.ModelOutput output(String name, Object... labelsAndProbabilities) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndProbabilities.length; i += 2) {
      probabilities.put((String) labelsAndProbabilities[i], (Double) labelsAndProbabilities[i + 1]);
    }
    return new Sentiment.ModelOutput(name, "1", "unused", probabilities);
  }
}
