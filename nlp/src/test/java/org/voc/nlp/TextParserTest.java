package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a long text is cut; the parsing itself is covered by {@link DocumentAnalyzerTest}. */
class TextParserTest {

  @Test
  void textWithinTheLimitIsNotCut() {
    assertThat(TextParser.cutPoint("short text", 20)).isEqualTo(10);
  }

  @Test
  void cutFallsOnTheLastSpaceBeforeTheLimit() {
    assertThat(TextParser.cutPoint("one two three", 10)).isEqualTo(7);
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String text = "ab😀cd";
    assertThat(TextParser.cutPoint(text, 3)).isEqualTo(2);
  }

  @Test
  void textWithoutSpacesIsCutAtTheLimit() {
    assertThat(TextParser.cutPoint("x".repeat(500), 300)).isEqualTo(300);
  }
}
