package org.voc.eval.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.models.BertTopTrainer;

/** What {@code voc train} tells the user beside the report. */
class TrainCommandTest {

  private static BertTopTrainer.Report report(int recoveries) {
    return new BertTopTrainer.Report(null, 100, 2, List.of(), recoveries, 0);
  }

  @Test
  void aRunThatDivergedSaysSoAndAtWhatRateItWentOn() {
    assertThat(TrainCommand.divergenceWarning(report(1))).hasValueSatisfying(line -> assertThat(line)
        .contains("diverged 1 time(s)").contains("0.5 x the learning rate").contains("--seed"));
    assertThat(TrainCommand.divergenceWarning(report(2))).hasValueSatisfying(line -> assertThat(line)
        .contains("0.25 x"));
  }

  @Test
  void aRunThatDidNotDivergeOrFineTunedNothingSaysNothing() {
    assertThat(TrainCommand.divergenceWarning(report(0))).isEmpty();
    assertThat(TrainCommand.divergenceWarning(null)).isEmpty();
  }
}
