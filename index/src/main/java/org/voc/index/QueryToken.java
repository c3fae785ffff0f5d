package org.voc.index;

/**
 * One piece of a keyword query as the user typed it. {@code position} is the 1-based character
 * where it starts, for error messages.
 */
record QueryToken(Type type, String text, int position) {

  enum Type {
    WORD,
    PHRASE,
    AND,
    OR,
    NOT,
    /** {@code -} written directly before a term, phrase or group. */
    MINUS,
    /** {@code +} written directly before a term, phrase or group. */
    PLUS,
    OPEN,
    CLOSE
  }

  /** Whether this token can begin an operand (a term, phrase, group or prefix operator). */
  boolean startsOperand() {
    return switch (type) {
      case WORD, PHRASE, OPEN, NOT, MINUS, PLUS -> true;
      case AND, OR, CLOSE -> false;
    };
  }
}
