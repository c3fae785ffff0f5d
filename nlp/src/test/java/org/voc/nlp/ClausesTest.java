package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClausesTest {

  private static String clause(String sentence, String term) {
    int start = sentence.indexOf(term);
    TargetSentimentModel.Target target = Clauses.target(sentence, start, start + term.length());
    assertThat(target.term()).isEqualTo(term);
    return target.sentence();
  }

  @Test
  void aTargetIsReadInTheClauseAroundIt() {
    String sentence = "Globex Corp keeps crashing, so I switched to Acme and love it.";
    assertThat(clause(sentence, "Globex Corp")).isEqualTo("Globex Corp keeps crashing");
    assertThat(clause(sentence, "Acme")).isEqualTo("I switched to Acme and love it.");
    assertThat(clause("Acme is fast but Globex is slow.", "Globex")).isEqualTo("Globex is slow.");
  }

  @Test
  void aClauseOfFewerThanTwoOtherWordsKeepsTheSentence() {
    assertThat(clause("Loved it, Acme!", "Acme")).isEqualTo("Loved it, Acme!");
  }
}
