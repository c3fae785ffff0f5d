package org.voc.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.voc.index.QueryToken.Type;

/**
 * Splits a keyword query into words, quoted phrases, parentheses and operators.
 *
 * <p>Only whitespace, parentheses and double quotes separate tokens; only the uppercase words
 * {@code AND}, {@code OR}, {@code NOT} and a {@code -} or {@code +} written directly before an
 * operand are operators. Every other character stays inside a word for the analyzer to deal with,
 * which is what makes Lucene syntax ({@code *}, {@code field:}, {@code ~}, {@code ^}) harmless.
 */
final class QueryTokenizer {

  private final String query;
  private final List<QueryToken> tokens = new ArrayList<>();
  private int at;

  private QueryTokenizer(String query) {
    this.query = query;
  }

  /** The tokens of {@code query}; an unclosed quote is an {@link InvalidQueryException}. */
  static List<QueryToken> tokenize(String query) {
    QueryTokenizer tokenizer = new QueryTokenizer(query);
    tokenizer.run();
    return List.copyOf(tokenizer.tokens);
  }

  private void run() {
    boolean afterPrefix = false;
    while (at < query.length()) {
      char c = query.charAt(at);
      if (isSpace(c)) {
        at++;
        afterPrefix = false;
      } else if (c == '(' || c == ')') {
        add(c == '(' ? Type.OPEN : Type.CLOSE, String.valueOf(c), at + 1);
        afterPrefix = false;
      } else if (c == '"') {
        phrase();
        afterPrefix = false;
      } else if ((c == '-' || c == '+') && operandFollows()) {
        add(c == '-' ? Type.MINUS : Type.PLUS, String.valueOf(c), at + 1);
        afterPrefix = true;
      } else {
        // "-AND" negates the word AND rather than leaving a dangling operator.
        word(afterPrefix);
        afterPrefix = false;
      }
    }
  }

  private void add(Type type, String text, int end) {
    tokens.add(new QueryToken(type, text, at + 1));
    at = end;
  }

  private boolean operandFollows() {
    if (at + 1 >= query.length()) {
      return false;
    }
    char next = query.charAt(at + 1);
    return !isSpace(next) && next != ')';
  }

  private void phrase() {
    int close = query.indexOf('"', at + 1);
    if (close < 0) {
      throw new InvalidQueryException(
          "q",
          String.format(
              Locale.ROOT,
              "unbalanced quote: the quote at character %d is never closed",
              at + 1));
    }
    add(Type.PHRASE, query.substring(at + 1, close), close + 1);
  }

  private void word(boolean literal) {
    int end = at;
    while (end < query.length() && !isBoundary(query.charAt(end))) {
      end++;
    }
    String text = query.substring(at, end);
    add(literal ? Type.WORD : wordType(text), text, end);
  }

  private static Type wordType(String text) {
    return switch (text) {
      case "AND" -> Type.AND;
      case "OR" -> Type.OR;
      case "NOT" -> Type.NOT;
      default -> Type.WORD;
    };
  }

  private static boolean isBoundary(char c) {
    return isSpace(c) || c == '(' || c == ')' || c == '"';
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
