package org.voc.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a parsed {@link KeywordNode} into a Lucene query over the text and the title. Operands that
 * analyze to nothing (stopwords, punctuation) are dropped; a group left with only negations matches
 * everything except them.
 */
final class KeywordQueryCompiler {

  /** A word in the title says a little more about the document than the same word in its text. */
  static final float TITLE_BOOST = 1.5f;

  private final QueryBuilder builder;

  KeywordQueryCompiler(Analyzer analyzer) {
    this.builder = new QueryBuilder(analyzer);
  }

  /** The query for {@code node}, or match-all when {@code node} is null or leaves nothing. */
  Query compile(KeywordNode node) {
    Query query = node == null ? null : compileNode(node);
    return query == null ? MatchAllDocsQuery.INSTANCE : query;
  }

  /** How many terms of the text field {@code query} runs (the title repeats them). */
  static int textTermCount(Query query) {
    return countTextTerms(query, true);
  }

  /**
   * Whether {@code query} has terms a document can match on, rather than only terms it must not
   * have: only then do scores differ between documents.
   */
  static boolean scoresDocuments(Query query) {
    return countTextTerms(query, false) > 0;
  }

  /**
   * The negations at the top level of {@code query}: {@code refund} in {@code crash -refund}, but
   * not in {@code crash OR (app -refund)}. Hybrid search keeps them out of its semantic matches
   * too, where nesting would make "must not contain" ambiguous.
   */
  static List<Query> exclusions(Query query) {
    if (!(query instanceof BooleanQuery bool)) {
      return List.of();
    }
    return bool.clauses().stream()
        .filter(clause -> clause.occur() == Occur.MUST_NOT)
        .map(BooleanClause::query)
        .toList();
  }

  private static int countTextTerms(Query query, boolean countExcluded) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            for (Term term : terms) {
              if (term.field().equals(IndexSchema.TEXT)) {
                count[0]++;
              }
            }
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return occur == Occur.MUST_NOT && !countExcluded ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return count[0];
  }

  // Null means "nothing to match on": the caller drops the operand.
  private Query compileNode(KeywordNode node) {
    return switch (node) {
      case KeywordNode.Text text -> textQuery(text.text());
      case KeywordNode.All all -> allOf(all.operands());
      case KeywordNode.Any any -> anyOf(any.operands());
      case KeywordNode.Not not -> allOf(List.of(not));
    };
  }

  private Query textQuery(String text) {
    // A word that analyzes to several terms ("wi-fi", "text:foo") is read as a phrase.
    Query inText = builder.createPhraseQuery(IndexSchema.TEXT, text);
    Query inTitle = builder.createPhraseQuery(IndexSchema.TITLE, text);
    if (inText == null || inTitle == null) {
      return null;
    }
    return new BooleanQuery.Builder()
        .add(inText, Occur.SHOULD)
        .add(new BoostQuery(inTitle, TITLE_BOOST), Occur.SHOULD)
        .build();
  }

  private Query allOf(List<KeywordNode> operands) {
    List<Query> required = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    for (KeywordNode operand : operands) {
      if (operand instanceof KeywordNode.Not not) {
        addIfPresent(excluded, compileNode(not.operand()));
      } else {
        addIfPresent(required, compileNode(operand));
      }
    }
    if (excluded.isEmpty()) {
      return required.size() <= 1 ? first(required) : combine(required, Occur.MUST);
    }
    if (required.isEmpty()) {
      required.add(MatchAllDocsQuery.INSTANCE);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    required.forEach(q -> query.add(q, Occur.MUST));
    excluded.forEach(q -> query.add(q, Occur.MUST_NOT));
    return query.build();
  }

  private Query anyOf(List<KeywordNode> operands) {
    List<Query> alternatives = new ArrayList<>();
    for (KeywordNode operand : operands) {
      addIfPresent(alternatives, compileNode(operand));
    }
    return alternatives.size() <= 1 ? first(alternatives) : combine(alternatives, Occur.SHOULD);
  }

  private static Query combine(List<Query> queries, Occur occur) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    queries.forEach(q -> query.add(q, occur));
    return query.build();
  }

  private static void addIfPresent(List<Query> queries, Query query) {
    if (query != null) {
      queries.add(query);
    }
  }

  private static Query first(List<Query> queries) {
    return queries.isEmpty() ? null : queries.get(0);
  }
}
