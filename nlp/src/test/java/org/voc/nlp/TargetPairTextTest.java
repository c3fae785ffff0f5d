package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the target model reads: the term, then its sentence with the asked-about mention marked. */
class TargetPairTextTest {

  private static final String SENTENCE = "The old battery lasted two days, the new battery dies by noon.";

  @Test
  void theMentionAskedAboutIsBracketedAndNoOther() {
    int second = SENTENCE.lastIndexOf("battery");

    assertThat(TargetTransformer.pairText(TargetSentimentModel.Target.at(SENTENCE, 8, 15)))
        .isEqualTo("battery [SEP] The old [ battery ] lasted two days, the new battery dies by noon.");
    assertThat(TargetTransformer.pairText(TargetSentimentModel.Target.at(SENTENCE, second, second + 7)))
        .isEqualTo("battery [SEP] The old battery lasted two days, the new [ battery ] dies by noon.");
  }

  @Test
  void aTargetTheSentenceDoesNotNameLeavesTheSentenceAsItIs() {
    assertThat(TargetTransformer.pairText(TargetSentimentModel.Target.about(SENTENCE, "reliability")))
        .isEqualTo("reliability [SEP] " + SENTENCE);
  }
}
