package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.voc.nlp.SentimentLabel;

/**
 * Runs {@link DocumentIndex#weeklyCounts} (one pass of {@link WeeklyCountsCollector} over the
 * matches) and {@link DocumentIndex#examples} (the newest documents of one value and label).
 * Thread-safe.
 */
final class WeeklyCountsSearch {

  private final KeywordQueryParser parser;
  private final Executor slices;

  WeeklyCountsSearch(Analyzer analyzer, QueryLimits limits, Executor slices) {
    this.parser = new KeywordQueryParser(analyzer, limits);
    this.slices = slices;
  }

  WeeklyCounts count(IndexSearcher searcher, SearchRequest request) throws IOException {
    if (request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
      throw new InvalidQueryException("from", "weekly counts need a period: from before to");
    }
    Query query = SearchFilters.restrict(parser.parse(request.query()), SearchFilters.of(request));
    long first = WeeklyHistogram.weekOf(request.from().toEpochMilli());
    long last = WeeklyHistogram.weekOf(request.to().toEpochMilli() - 1);
    return InsightsSearch.sliced(searcher, slices).search(query, WeeklyCountsCollector.manager(first, last));
  }

  List<IndexedDocument> examples(IndexSearcher searcher, SearchRequest request, WeeklyCounts.Dimension dimension,
      String value, SentimentLabel label, int n) throws IOException {
    List<Query> filters = new ArrayList<>(SearchFilters.of(request));
    filters.add(KeywordField.newExactQuery(dimension.field, value));
    filters.add(dimension.labelledField == null
        ? KeywordField.newExactQuery(IndexSchema.SENTIMENT, label.wireName())
        // Doc values only, checked on the few documents the other filters leave.
        : SortedSetDocValuesField.newSlowExactQuery(dimension.labelledField,
            new BytesRef(IndexSchema.labelled(value, label))));
    Query query = SearchFilters.restrict(parser.parse(request.query()), filters);
    TopDocs top = searcher.search(query, Math.max(1, n), HitOrder.NEWEST.sort);
    List<IndexedDocument> documents = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      documents.add(IndexSchema.fromStored(searcher.storedFields().document(hit.doc, Set.of(IndexSchema.JSON))));
    }
    return documents;
  }
}
