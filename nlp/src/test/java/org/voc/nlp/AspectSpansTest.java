package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voc.nlp.AspectSpans.B;
import static org.voc.nlp.AspectSpans.I;
import static org.voc.nlp.AspectSpans.IGNORED;
import static org.voc.nlp.AspectSpans.O;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.nlp.AspectSpans.Span;

class AspectSpansTest {

  // "The battery life is great" as wordpieces: [CLS] the battery life is great [SEP]
  private static final String TEXT = "The battery life is great";
  private static final int[][] TOKENS = {{-1, -1}, {0, 3}, {4, 11}, {12, 16}, {17, 19}, {20, 25}, {-1, -1}};

  @Test
  void goldSpansBecomeBioTagsAndSpecialTokensAreIgnored() {
    int[] tags = AspectSpans.encode(TOKENS, List.of(new Span(4, 16)));

    assertThat(tags).containsExactly(IGNORED, O, B, I, O, O, IGNORED);
  }

  @Test
  void tagsDecodeBackToTheGoldSpans() {
    List<Span> gold = List.of(new Span(4, 16), new Span(20, 25));

    assertThat(AspectSpans.decode(AspectSpans.encode(TOKENS, gold), TOKENS, TEXT)).isEqualTo(gold);
  }

  @Test
  void anInsideTagAfterOutsideStartsATermAndSpecialTokensEndOne() {
    int[] tags = {O, O, I, I, O, B, I};

    assertThat(AspectSpans.decode(tags, TOKENS, TEXT))
        .containsExactly(new Span(4, 16), new Span(20, 25));
  }

  @Test
  void aTermTaggedOnPartOfAWordIsWidenedToTheWholeWord() {
    // "sushi" as "su" "##shi": only the first piece tagged
    String text = "Great sushi!";
    int[][] tokens = {{-1, -1}, {0, 5}, {6, 8}, {8, 11}, {11, 12}, {-1, -1}};

    assertThat(AspectSpans.decode(new int[] {O, O, B, O, O, O}, tokens, text))
        .containsExactly(new Span(6, 11));
    assertThat(AspectSpans.decode(new int[] {O, O, O, B, O, O}, tokens, text))
        .containsExactly(new Span(6, 11));
  }

  @Test
  void twoPiecesOfOneWordTaggedAsTwoTermsMergeIntoOne() {
    String text = "Great sushi!";
    int[][] tokens = {{-1, -1}, {0, 5}, {6, 8}, {8, 11}, {11, 12}, {-1, -1}};

    assertThat(AspectSpans.decode(new int[] {O, O, B, B, O, O}, tokens, text))
        .containsExactly(new Span(6, 11));
  }

  @Test
  void snappingKeepsJoinedWordsButNotTrailingPunctuation() {
    String text = "The wait-staff, and Ray's pizza.";

    assertThat(AspectSpans.snap(text, 4, 8)).isEqualTo(new Span(4, 14)); // wait-staff
    assertThat(AspectSpans.snap(text, 26, 28)).isEqualTo(new Span(26, 31)); // pizza, no "."
    assertThat(AspectSpans.snap(text, 20, 23)).isEqualTo(new Span(20, 25)); // Ray's
  }
}
