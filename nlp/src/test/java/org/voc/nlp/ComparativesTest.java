package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparativesTest {

  private static boolean marked(String sentence, String brand) {
    return Comparatives.marked(sentence, sentence.indexOf(brand));
  }

  @Test
  void aBrandComparedAgainstIsMarked() {
    assertThat(marked("Acme's app is great, unlike Globex's.", "Globex")).isTrue();
    assertThat(marked("Acme is much better than Globex.", "Globex")).isTrue();
    assertThat(marked("Compared to the Globex app, Acme is fast.", "Globex")).isTrue();
    assertThat(marked("I switched from Globex to Acme.", "Globex")).isTrue();
    assertThat(marked("Acme vs. Globex: no contest.", "Globex")).isTrue();
  }

  @Test
  void aBrandTheSentenceIsAboutIsNot() {
    assertThat(marked("Acme's app is great, unlike Globex's.", "Acme")).isFalse();
    assertThat(marked("I switched from Globex to Acme.", "Acme")).isFalse();
    assertThat(marked("Globex is better than nothing.", "Globex")).isFalse();
    assertThat(marked("Thank you Globex.", "Globex")).isFalse();
  }

  @Test
  void theOppositeSwapsNegativeAndPositiveAndSaysWhy() {
    Sentiment anchor = Sentiment.fromProbabilities(new Sentiment.Probabilities(0.1, 0.2, 0.7), List.of());
    Sentiment opposite = Comparatives.opposite(anchor);
    assertThat(opposite.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(opposite.probabilities()).isEqualTo(new Sentiment.Probabilities(0.7, 0.2, 0.1));
    assertThat(opposite.models()).extracting(Sentiment.ModelOutput::name).containsExactly("comparative-rule");
  }
}
