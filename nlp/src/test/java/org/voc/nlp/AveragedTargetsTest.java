package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Two target models' probabilities averaged, each one's output kept. */
class AveragedTargetsTest {

  private static InsightFinderTest.FakeTargets scripted(String version,
      Function<TargetSentimentModel.Target, Sentiment.Probabilities> answer) {
    return InsightFinderTest.FakeTargets.answering("target", version, answer);
  }

  private static final TargetSentimentModel.Target FOOD =
      TargetSentimentModel.Target.about("Great food, rude waiter.", "food");
  private static final TargetSentimentModel.Target STAFF =
      TargetSentimentModel.Target.about("Great food, rude waiter.", "staff");

  @Test
  void theMeanOfTwoModelsCanOverruleOneThatIsNarrowlySure() {
    // The first model calls the staff neutral by a hair; the second is sure they are negative.
    var first = scripted("seed-1", t -> t == FOOD
        ? new Sentiment.Probabilities(0.1, 0.2, 0.7) : new Sentiment.Probabilities(0.40, 0.45, 0.15));
    var second = scripted("seed-2", t -> t == FOOD
        ? new Sentiment.Probabilities(0.1, 0.4, 0.5) : new Sentiment.Probabilities(0.80, 0.15, 0.05));

    List<Sentiment> scored = new AveragedTargets(List.of(first, second)).score(List.of(FOOD, STAFF));

    assertThat(scored.get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(scored.get(0).probabilities().positive()).isCloseTo(0.6, within(1e-12));
    assertThat(scored.get(0).probabilities().neutral()).isCloseTo(0.3, within(1e-12));
    assertThat(scored.get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(scored.get(1).probabilities().negative()).isCloseTo(0.6, within(1e-12));
    assertThat(scored.get(1).score()).isCloseTo(0.10 - 0.60, within(1e-12));
    assertThat(scored.get(1).models()).extracting(Sentiment.ModelOutput::version).containsExactly("seed-1", "seed-2");
    assertThat(first.asked).containsExactly(FOOD, STAFF);
    assertThat(second.asked).containsExactly(FOOD, STAFF);
  }

  @Test
  void itIsNamedAfterItsMembersAndNeedsOne() {
    var first = scripted("seed-1", t -> new Sentiment.Probabilities(0.2, 0.2, 0.6));
    var second = scripted("seed-2", t -> new Sentiment.Probabilities(0.2, 0.2, 0.6));
    AveragedTargets averaged = new AveragedTargets(List.of(first, second));
    assertThat(averaged.name()).isEqualTo("target");
    assertThat(averaged.members()).containsExactly(first, second);
    assertThat(averaged.score(List.of())).isEmpty();
    assertThatThrownBy(() -> new AveragedTargets(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
