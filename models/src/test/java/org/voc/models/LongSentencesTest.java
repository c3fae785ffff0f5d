package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongSentencesTest {

  @Test
  void shortSentenceIsOnePiece() {
    assertThat(LongSentences.pieceEnds(List.of("It", "works", "."), 5)).containsExactly(3);
  }

  @Test
  void sentenceOfExactlyTheLimitIsOnePiece() {
    assertThat(LongSentences.pieceEnds(words(10), 10)).containsExactly(10);
  }

  @Test
  void withoutPunctuationPiecesAreCutAtTheLimit() {
    assertThat(LongSentences.pieceEnds(words(25), 10)).containsExactly(10, 20, 25);
  }

  @Test
  void cutGoesAfterTheLastCommaInTheSecondHalfOfTheWindow() {
    List<String> words = words(20);
    words.set(6, ",");
    words.set(7, ",");
    assertThat(LongSentences.pieceEnds(words, 10)).containsExactly(8, 18, 20);
  }

  @Test
  void commaEarlyInTheWindowIsIgnoredToAvoidTinyPieces() {
    List<String> words = words(15);
    words.set(1, ",");
    assertThat(LongSentences.pieceEnds(words, 10)).containsExactly(10, 15);
  }

  @Test
  void withoutPunctuationCutGoesBeforeAConjunction() {
    List<String> words = words(15);
    words.set(7, "And");
    assertThat(LongSentences.pieceEnds(words, 10)).containsExactly(7, 15);
  }

  @Test
  void noPieceIsLongerThanTheLimit() {
    List<String> words = words(301);
    for (int i = 0; i < words.size(); i += 7) {
      words.set(i, i % 2 == 0 ? "," : "but");
    }
    List<Integer> ends = LongSentences.pieceEnds(words, 80);
    int start = 0;
    for (int end : ends) {
      assertThat(end - start).isBetween(1, 80);
      start = end;
    }
    assertThat(start).isEqualTo(301);
  }

  private static List<String> words(int n) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      words.add("w" + i);
    }
    return words;
  }
}
