package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.voc.nlp.Document;

/**
 * Runs one {@link SearchRequest} against one searcher: validates it, then in a single pass over
 * the matches collects the page and the {@link MatchSummary}, then builds the hits and snippets of
 * the page. Thread-safe.
 */
final class PagedSearch {

  /** The largest page a request may ask for. */
  static final int MAX_LIMIT = 100;

  private final KeywordQueryParser parser;
  private final Snippets snippets;

  PagedSearch(Analyzer analyzer, QueryLimits limits) {
    this.parser = new KeywordQueryParser(analyzer, limits);
    this.snippets = new Snippets(analyzer);
  }

  SearchResult run(IndexSearcher searcher, SearchRequest request) throws IOException {
    int limit = checkedLimit(request.limit());
    Query keywords = parser.parse(request.query());
    Query query = withFilters(keywords, SearchFilters.of(request));
    HitOrder order = HitOrder.of(request.sort(), keywords);
    FieldDoc after = cursorPosition(request.cursor(), order);

    // One hit more than the page tells whether there is a next page. The summary visits every
    // match anyway, so skipping non-competitive hits (a threshold below MAX_VALUE) would gain
    // nothing.
    TopFieldCollectorManager page =
        new TopFieldCollectorManager(order.sort, limit + 1, after, Integer.MAX_VALUE);
    Object[] results =
        searcher.search(query, new MultiCollectorManager(page, MatchSummaryCollector.manager()));
    TopFieldDocs top = (TopFieldDocs) results[0];
    MatchSummary summary = (MatchSummary) results[1];

    ScoreDoc[] pageDocs = Arrays.copyOf(top.scoreDocs, Math.min(limit, top.scoreDocs.length));
    String nextCursor =
        top.scoreDocs.length > limit
            ? SearchCursor.encode(order, (FieldDoc) pageDocs[limit - 1])
            : null;
    if (order == HitOrder.NEWEST) {
      TopFieldCollector.populateScores(pageDocs, searcher, query);
    }
    List<SearchResult.Hit> hits = hits(searcher, keywords, order, pageDocs);
    return new SearchResult(
        summary.total(), hits, summary.facets(), summary.histogram(), nextCursor);
  }

  private static int checkedLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  private static FieldDoc cursorPosition(String cursor, HitOrder order) {
    return cursor == null || cursor.isBlank() ? null : SearchCursor.decode(cursor.strip(), order);
  }

  private static Query withFilters(Query keywords, List<Query> filters) {
    if (filters.isEmpty()) {
      return keywords;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(keywords, Occur.MUST);
    filters.forEach(filter -> query.add(filter, Occur.FILTER));
    return query.build();
  }

  private List<SearchResult.Hit> hits(
      IndexSearcher searcher, Query keywords, HitOrder order, ScoreDoc[] page) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<IndexedDocument> documents = new ArrayList<>(page.length);
    for (ScoreDoc hit : page) {
      documents.add(IndexSchema.fromStored(stored.document(hit.doc, Set.of(IndexSchema.JSON))));
    }
    List<String> texts = documents.stream().map(IndexSchema::textOf).toList();
    List<String> pageSnippets = snippets.of(searcher, keywords, page, texts);
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      hits.add(hit(documents.get(i), pageSnippets.get(i), score(order, (FieldDoc) page[i])));
    }
    return hits;
  }

  private static float score(HitOrder order, FieldDoc hit) {
    return order == HitOrder.RELEVANCE ? (Float) hit.fields[0] : hit.score;
  }

  private static SearchResult.Hit hit(IndexedDocument indexed, String snippet, float score) {
    Document document = indexed.document();
    return new SearchResult.Hit(
        document.id(),
        document.source(),
        document.kind(),
        document.createdAt(),
        document.title(),
        document.brand(),
        snippet,
        indexed.analysis().sentiment(),
        score);
  }
}
