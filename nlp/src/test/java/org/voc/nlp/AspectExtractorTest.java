package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.EncoderModel;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;

/** The shipped tagger on the real encoder and CoreNLP, with a fake target model (negative unless "acme"). */
class AspectExtractorTest {

  private static CoreNlpPipeline pipeline;
  private static OnnxTextEncoder encoder;

  @BeforeAll
  static void load() {
    pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    encoder = ShippedSentiment.loadEncoder();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void termsComeWithPolarityAndOpinionWordsAtOffsetsIntoTheText() {
    String text = "I ordered online. The battery life is great but shipping took three weeks.";
    InsightFinderTest.FakeTargets targets = new InsightFinderTest.FakeTargets();
    ParsedText parsed = AspectExtractor.parse(pipeline, text, 10);

    List<AspectMention> mentions = AspectExtractor.shipped(encoder, targets).extract(parsed);

    assertThat(mentions).extracting(AspectMention::term).containsExactly("battery life", "shipping");
    AspectMention battery = mentions.get(0);
    assertThat(text.substring(battery.start(), battery.end())).isEqualTo("battery life");
    assertThat(battery.polarity()).isEqualTo(SentimentLabel.NEGATIVE); // what the fake says
    assertThat(battery.score()).isNegative();
    assertThat(battery.opinions()).extracting(TextSpan::text).containsExactly("great");
    AspectMention shipping = mentions.get(1);
    assertThat(shipping.opinions()).extracting(TextSpan::text).containsExactly("took three weeks");
    assertThat(targets.asked).allSatisfy(t ->
        assertThat(t.sentence()).isEqualTo("The battery life is great but shipping took three weeks."));
  }

  @Test
  void theEncoderRunsOncePerTextAndATextWithoutTermsGivesNone() {
    ParsedText parsed = AspectExtractor.parse(pipeline, "Thanks, that is all.", 10);
    OnnxTextEncoder.Encoded before = parsed.sentenceEncoding(encoder);

    assertThat(AspectExtractor.shipped(encoder, new InsightFinderTest.FakeTargets()).extract(parsed)).isEmpty();
    assertThat(parsed.sentenceEncoding(encoder)).isSameAs(before);
  }

  @Test
  void aTaggerTrainedOnAnotherEncoderIsRefused() {
    try (OnnxTextEncoder untapped = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults())) {
      assertThatThrownBy(() -> AspectExtractor.shipped(untapped, new InsightFinderTest.FakeTargets()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bge-small-en-v1.5@9");
    }
  }
}
