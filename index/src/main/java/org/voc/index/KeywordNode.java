package org.voc.index;

import java.util.List;

/** A parsed keyword query, before analysis: what the user asked for, not yet how Lucene runs it. */
sealed interface KeywordNode {

  /** A word or a quoted phrase; either may analyze to several terms (then they form a phrase). */
  record Text(String text) implements KeywordNode {}

  /** Every operand must match. */
  record All(List<KeywordNode> operands) implements KeywordNode {
    public All {
      operands = List.copyOf(operands);
    }
  }

  /** At least one operand must match. */
  record Any(List<KeywordNode> operands) implements KeywordNode {
    public Any {
      operands = List.copyOf(operands);
    }
  }

  /** The operand must not match. */
  record Not(KeywordNode operand) implements KeywordNode {}
}
