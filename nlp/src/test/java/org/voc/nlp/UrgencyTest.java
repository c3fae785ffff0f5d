package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrgencyTest {

  private static final Urgency NORMAL = new Urgency("normal", List.of());
  private static final Urgency FRAUD = new Urgency("high", List.of(new Urgency.Reason("fraud", "stolen card")));

  private static Classification learned(String label, double confidence, boolean uncertain) {
    return new Classification(uncertain ? null : label, confidence, uncertain,
        List.of(new Classification.Alternative(label, confidence)));
  }

  @Test
  void aConfidentTrainedLabelRaisesTheLevelAndIsListedAsAReason() {
    Urgency raised = NORMAL.withLearned(learned("high", 0.91, false));

    assertThat(raised.level()).isEqualTo("high");
    assertThat(raised.reasons()).containsExactly(new Urgency.Reason("classifier", "high (0.91)"));
  }

  @Test
  void aTrainedLabelNeverLowersAnExplicitSignal() {
    Urgency kept = FRAUD.withLearned(learned("low", 0.97, false));

    assertThat(kept.level()).isEqualTo("high");
    assertThat(kept.reasons()).extracting(Urgency.Reason::signal).containsExactly("fraud", "classifier");
  }

  @Test
  void anUncertainClassifierOrOneWhoseLabelsAreNotLevelsChangesNothing() {
    assertThat(NORMAL.withLearned(learned("high", 0.3, true))).isEqualTo(NORMAL);
    assertThat(NORMAL.withLearned(learned("billing", 0.9, false))).isEqualTo(NORMAL);
    assertThat(NORMAL.withLearned(null)).isEqualTo(NORMAL);
  }
}
