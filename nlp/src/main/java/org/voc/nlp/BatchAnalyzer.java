package org.voc.nlp;

import java.util.List;
import java.util.function.Function;

/**
 * Analyzes documents for the index one at a time ({@link #apply}) or many together ({@link
 * #applyAll}), which lets an analyzer share work among them, such as one encoder pass.
 */
public interface BatchAnalyzer extends Function<Document, AnalyzedDocument> {

  /**
   * Each document's analysis, in order; the default analyzes them one at a time.
   *
   * @throws RuntimeException when any of them fails; {@link #apply} them one at a time then
   */
  default List<AnalyzedDocument> applyAll(List<Document> docs) {
    return docs.stream().map(this).toList();
  }

  /** {@code analyzer} and its batch form {@code batch} as one. */
  static BatchAnalyzer of(Function<Document, AnalyzedDocument> analyzer,
      Function<List<Document>, List<AnalyzedDocument>> batch) {
    return new BatchAnalyzer() {
      @Override
      public AnalyzedDocument apply(Document doc) {
        return analyzer.apply(doc);
      }

      @Override
      public List<AnalyzedDocument> applyAll(List<Document> docs) {
        return batch.apply(docs);
      }
    };
  }
}
