package org.voc.eval.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.voc.nlp.SentimentLabel;

class SentimentTrainingTest {

  @Test
  void aStarAndCountAfterATrainingFileRepeatsItsRows() {
    assertThat(SentimentTraining.repeated(Path.of("data/val.tsv#odd*4")))
        .isEqualTo(new SentimentTraining.Repeated(Path.of("data/val.tsv#odd"), 4));
    assertThat(SentimentTraining.repeated(Path.of("data/train.tsv")))
        .isEqualTo(new SentimentTraining.Repeated(Path.of("data/train.tsv"), 1));
  }

  @Test
  void aLabelAfterADashLeavesThatLabelsRowsOut() {
    assertThat(SentimentTraining.repeated(Path.of("data/tweets.jsonl#train-neutral*2")))
        .isEqualTo(new SentimentTraining.Repeated(Path.of("data/tweets.jsonl#train"), 2, SentimentLabel.NEUTRAL));
    assertThat(SentimentTraining.repeated(Path.of("data/tweets.jsonl-positive")))
        .isEqualTo(new SentimentTraining.Repeated(Path.of("data/tweets.jsonl"), 1, SentimentLabel.POSITIVE));
    assertThat(SentimentTraining.repeated(Path.of("data/semi-neutral.tsv")).without()).isNull();
  }
}
