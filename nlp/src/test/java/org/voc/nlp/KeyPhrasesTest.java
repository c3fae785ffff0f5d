package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhrasesTest {

  @Test
  void phrasesAreRankedByFrequencyThenFirstOccurrence() {
    List<String> occurrences = List.of("screen", "battery", "price", "battery", "price", "case");

    assertThat(KeyPhrases.rank(occurrences, 10))
        .containsExactly("battery", "price", "screen", "case");
  }

  @Test
  void rankingStopsAtTheLimit() {
    assertThat(KeyPhrases.rank(List.of("a1", "b2", "c3"), 2)).containsExactly("a1", "b2");
  }
}
