package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The five-to-three class mapping, on fixed numbers. */
class CoreNlpSentimentTest {

  private final CoreNlpSentiment model = new CoreNlpSentiment("4.5.10");

  @Test
  void negativeIsVeryNegativePlusNegativeAndPositiveIsPositivePlusVeryPositive() {
    Sentiment sentiment = model.fromFiveClasses(new double[] {0.1, 0.2, 0.3, 0.25, 0.15});

    assertThat(sentiment.probabilities().negative()).isCloseTo(0.3, within(1e-9));
    assertThat(sentiment.probabilities().neutral()).isCloseTo(0.3, within(1e-9));
    assertThat(sentiment.probabilities().positive()).isCloseTo(0.4, within(1e-9));
    assertThat(sentiment.label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void modelOutputKeepsTheFiveClassesAndTheirArgmax() {
    Sentiment sentiment = model.fromFiveClasses(new double[] {0.1, 0.2, 0.3, 0.25, 0.15});

    Sentiment.ModelOutput output = sentiment.models().get(0);
    assertThat(output.name()).isEqualTo("corenlp");
    assertThat(output.version()).isEqualTo("4.5.10");
    assertThat(output.label()).isEqualTo("neutral");
    assertThat(output.probabilities())
        .containsOnlyKeys(CoreNlpSentiment.CLASSES)
        .containsEntry("very_positive", 0.15);
  }

  @Test
  void threeClassLabelCanDifferFromTheFiveClassArgmax() {
    // Neutral is the single likeliest class, but negative taken together is likelier still.
    Sentiment sentiment = model.fromFiveClasses(new double[] {0.2, 0.25, 0.35, 0.1, 0.1});

    assertThat(sentiment.models().get(0).label()).isEqualTo("neutral");
    assertThat(sentiment.label()).isEqualTo(SentimentLabel.NEGATIVE);
  }
}
