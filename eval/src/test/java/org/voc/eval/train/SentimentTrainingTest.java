package org.voc.eval.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SentimentTrainingTest {

  @Test
  void aStarAndCountAfterATrainingFileRepeatsItsRows() {
    assertThat(SentimentTraining.repeated(Path.of("data/val.tsv#odd*4")))
        .isEqualTo(new SentimentTraining.Repeated(Path.of("data/val.tsv#odd"), 4));
    assertThat(SentimentTraining.repeated(Path.of("data/train.tsv")))
        .isEqualTo(new SentimentTraining.Repeated(Path.of("data/train.tsv"), 1));
  }
}
