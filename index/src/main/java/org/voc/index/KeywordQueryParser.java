package org.voc.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.voc.index.QueryToken.Type;

/**
 * Parses the keyword queries that untrusted users type into a Lucene {@link Query} over the text
 * and the title. It deliberately does not accept Lucene's own query syntax: there are no
 * wildcards, regular expressions, fuzzy terms, field prefixes, ranges or boosts, because each of
 * them lets one request cost far more than it should.
 *
 * <p>The language:
 *
 * <ul>
 *   <li>{@code word} matches the word's stem ({@code crash} matches "crashes"); a word that
 *       analyzes to nothing, such as a stopword, is dropped.
 *   <li>{@code "a phrase"} matches the words next to each other, in order.
 *   <li>{@code a b} means {@code a AND b}: adjacent terms narrow the search, which is what analysts
 *       expect when they add a word.
 *   <li>{@code a OR b}, {@code NOT a}, {@code -a} (same as {@code NOT a}), {@code +a} (accepted
 *       for habit; required is already the default). Operators are uppercase; lowercase
 *       {@code and}, {@code or}, {@code not} are words (and stopwords).
 *   <li>{@code AND} binds tighter than {@code OR}: {@code a b OR c} is {@code (a b) OR c}.
 *       Parentheses group.
 *   <li>A query of only negations ({@code -refund}) matches every document except those.
 *   <li>An empty or blank query, or one whose every word is dropped, matches every document.
 * </ul>
 *
 * <p>Every other character is text: {@code text:foo*} is the words "text" and "foo" in a row. A
 * query the parser cannot read, or one over the {@link QueryLimits}, is an {@link
 * InvalidQueryException} for the {@code q} parameter with a message that says what to fix.
 *
 * <p>Thread-safe.
 */
public final class KeywordQueryParser {

  private final KeywordQueryCompiler compiler;
  private final QueryLimits limits;

  /** A parser with the {@link QueryLimits#DEFAULT default limits}. */
  public KeywordQueryParser(Analyzer analyzer) {
    this(analyzer, QueryLimits.DEFAULT);
  }

  /** A parser whose words are analyzed by {@code analyzer} (the one the text was indexed with). */
  public KeywordQueryParser(Analyzer analyzer, QueryLimits limits) {
    this.compiler = new KeywordQueryCompiler(analyzer);
    this.limits = limits;
  }

  /**
   * The Lucene query for {@code query}; {@link org.apache.lucene.search.MatchAllDocsQuery} when
   * nothing in it is left to match on.
   */
  public Query parse(String query) {
    if (query.length() > limits.maxLength()) {
      throw invalid(
          "query is too long: %d characters (at most %d)", query.length(), limits.maxLength());
    }
    List<QueryToken> tokens = QueryTokenizer.tokenize(query);
    checkTermCount(rawTermCount(tokens));
    KeywordNode node = tokens.isEmpty() ? null : new Descent(tokens, limits.maxDepth()).parse();
    Query compiled = compiler.compile(node);
    // One "word" such as a;b;c;d analyzes to many terms: count again what will actually run.
    checkTermCount(KeywordQueryCompiler.textTermCount(compiled));
    return compiled;
  }

  private void checkTermCount(int terms) {
    if (terms > limits.maxTerms()) {
      throw invalid("query has too many terms: %d (at most %d)", terms, limits.maxTerms());
    }
  }

  private static int rawTermCount(List<QueryToken> tokens) {
    int count = 0;
    for (QueryToken token : tokens) {
      if (token.type() == Type.WORD) {
        count++;
      } else if (token.type() == Type.PHRASE) {
        count += wordCount(token.text());
      }
    }
    return count;
  }

  private static int wordCount(String phrase) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < phrase.length(); i++) {
      boolean space = QueryTokenizer.isSpace(phrase.charAt(i));
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }

  static InvalidQueryException invalid(String format, Object... args) {
    return new InvalidQueryException("q", String.format(Locale.ROOT, format, args));
  }

  /** One recursive-descent pass over the tokens of one query. */
  private static final class Descent {
    private final List<QueryToken> tokens;
    private final int maxDepth;
    private int next;

    Descent(List<QueryToken> tokens, int maxDepth) {
      this.tokens = tokens;
      this.maxDepth = maxDepth;
    }

    KeywordNode parse() {
      KeywordNode node = or(0);
      if (next < tokens.size()) {
        // or() stops only at the end or at a ')' that closes nothing.
        throw unmatchedClose(tokens.get(next));
      }
      return node;
    }

    private KeywordNode or(int depth) {
      List<KeywordNode> operands = new ArrayList<>();
      operands.add(and(depth));
      while (peekIs(Type.OR)) {
        requireOperandAfter(take());
        operands.add(and(depth));
      }
      return operands.size() == 1 ? operands.get(0) : new KeywordNode.Any(operands);
    }

    private KeywordNode and(int depth) {
      List<KeywordNode> operands = new ArrayList<>();
      operands.add(unary(depth));
      while (true) {
        if (peekIs(Type.AND)) {
          requireOperandAfter(take());
          operands.add(unary(depth));
        } else if (next < tokens.size() && tokens.get(next).startsOperand()) {
          operands.add(unary(depth));
        } else {
          break;
        }
      }
      return operands.size() == 1 ? operands.get(0) : new KeywordNode.All(operands);
    }

    // A loop, not recursion, so that "NOT NOT NOT ..." cannot go deep.
    private KeywordNode unary(int depth) {
      boolean negated = false;
      while (peekIs(Type.NOT) || peekIs(Type.MINUS) || peekIs(Type.PLUS)) {
        QueryToken operator = take();
        if (operator.type() != Type.PLUS) {
          negated = !negated;
        }
        requireOperandAfter(operator);
      }
      KeywordNode operand = primary(depth);
      return negated ? new KeywordNode.Not(operand) : operand;
    }

    private KeywordNode primary(int depth) {
      QueryToken token = take();
      return switch (token.type()) {
        case WORD, PHRASE -> new KeywordNode.Text(token.text());
        case OPEN -> group(token, depth + 1);
        case CLOSE -> throw unmatchedClose(token);
        case AND, OR, NOT, MINUS, PLUS ->
            throw invalid(
                "%s at character %d needs a term before it", token.text(), token.position());
      };
    }

    private KeywordNode group(QueryToken open, int depth) {
      if (depth > maxDepth) {
        throw invalid(
            "parentheses are nested too deeply at character %d (at most %d levels)",
            open.position(), maxDepth);
      }
      if (peekIs(Type.CLOSE)) {
        throw invalid("empty parentheses at character %d", open.position());
      }
      if (next >= tokens.size()) {
        throw unclosed(open);
      }
      KeywordNode inner = or(depth);
      if (!peekIs(Type.CLOSE)) {
        throw unclosed(open);
      }
      take();
      return inner;
    }

    private void requireOperandAfter(QueryToken operator) {
      if (next >= tokens.size() || !tokens.get(next).startsOperand()) {
        throw invalid(
            "%s at character %d needs a term after it", operator.text(), operator.position());
      }
    }

    private boolean peekIs(Type type) {
      return next < tokens.size() && tokens.get(next).type() == type;
    }

    private QueryToken take() {
      return tokens.get(next++);
    }

    private static InvalidQueryException unmatchedClose(QueryToken close) {
      return invalid(
          "unbalanced parenthesis: ')' at character %d has no matching '('", close.position());
    }

    private static InvalidQueryException unclosed(QueryToken open) {
      return invalid(
          "unbalanced parenthesis: '(' at character %d is never closed", open.position());
    }
  }
}
