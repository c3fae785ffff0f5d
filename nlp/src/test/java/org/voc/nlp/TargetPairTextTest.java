package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.voc.nlp.TargetTransformer.PairFormat;

/**
 * What the target model reads: the term, then its sentence with the asked-about mention marked, as
 * the model's file says it was trained.
 */
class TargetPairTextTest {

  private static final String SENTENCE = "The old battery lasted two days, the new battery dies by noon.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theMentionAskedAboutIsBracketedAndNoOther() {
    int second = SENTENCE.lastIndexOf("battery");

    assertThat(PairFormat.MARKED.text(TargetSentimentModel.Target.at(SENTENCE, 8, 15)))
        .isEqualTo("battery [SEP] The old [ battery ] lasted two days, the new battery dies by noon.");
    assertThat(PairFormat.MARKED.text(TargetSentimentModel.Target.at(SENTENCE, second, second + 7)))
        .isEqualTo("battery [SEP] The old battery lasted two days, the new [ battery ] dies by noon.");
  }

  @Test
  void aTargetTheSentenceDoesNotNameLeavesTheSentenceAsItIs() {
    assertThat(PairFormat.MARKED.text(TargetSentimentModel.Target.about(SENTENCE, "reliability")))
        .isEqualTo("reliability [SEP] " + SENTENCE);
  }

  @Test
  void aModelTrainedOnPlainPairsReadsThemPlain() {
    assertThat(PairFormat.PLAIN.text(TargetSentimentModel.Target.at(SENTENCE, 8, 15)))
        .isEqualTo("battery [SEP] " + SENTENCE);
  }

  @Test
  void theFormatComesFromTheModelsHeaderAndAFileThatNamesNoneWasPlain() {
    assertThat(PairFormat.of(JSON.createObjectNode().put("pairs", "marked"))).isEqualTo(PairFormat.MARKED);
    assertThat(PairFormat.of(JSON.createObjectNode().put("pairs", "plain"))).isEqualTo(PairFormat.PLAIN);
    assertThat(PairFormat.of(JSON.createObjectNode().put("seed", 42))).isEqualTo(PairFormat.PLAIN);
    assertThat(PairFormat.of(null)).isEqualTo(PairFormat.PLAIN);
    assertThatThrownBy(() -> PairFormat.of(JSON.createObjectNode().put("pairs", "prompted")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'prompted'").hasMessageContaining("[plain, marked]");
  }

  @Test
  void theShippedModelRecordsThatItReadsMarkedPairsAsTrainingNowWritesThem() {
    assertThat(ShippedSentiment.targetPairs(ShippedSentiment.readTop(ShippedSentiment.TARGET_TOP)))
        .isEqualTo(PairFormat.MARKED).isEqualTo(PairFormat.TRAINED);
  }
}
