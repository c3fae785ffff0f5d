package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The char spans of bge-small's wordpieces, from the real tokenizer. */
class TokenSpansTest {

  @Test
  void spansPointAtEachWordpieceAndSpecialTokensHaveNone() {
    try (OnnxTextEncoder encoder = EncoderModel.BGE_SMALL_EN_V15.load(EncoderSettings.defaults(), 9)) {
      String text = "The sushi was great";
      OnnxTextEncoder.EncodedWithSpans both = encoder.encodeWithSpans(List.of(text, "")); 
      int[][] spans = both.spans()[0];

      assertThat(spans).hasNumberOfRows(both.encoded().tokens()[0]);
      assertThat(spans[0]).containsExactly(-1, -1);
      assertThat(spans[spans.length - 1]).containsExactly(-1, -1);
      assertThat(text.substring(spans[1][0], spans[1][1])).isEqualTo("The");
      assertThat(text.substring(spans[spans.length - 2][0], spans[spans.length - 2][1])).isEqualTo("great");
      assertThat(both.spans()[1]).hasNumberOfRows(2);
    }
  }

  @Test
  void spansAreJavaOffsetsAfterAccentsAndEmoji() {
    try (OnnxTextEncoder encoder = EncoderModel.BGE_SMALL_EN_V15.load()) {
      String text = "Caf\u00e9 \uD83D\uDE00 na\u00efve pizza";
      int[][] spans = encoder.tokenSpans(List.of(text))[0];

      assertThat(text.substring(spans[spans.length - 2][0], spans[spans.length - 2][1])).isEqualTo("pizza");
      assertThat(text.substring(spans[1][0], spans[1][1])).isEqualTo("Caf\u00e9");
    }
  }
}
