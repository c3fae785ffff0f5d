package org.voc.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Runs one {@link SearchRequest} against one searcher: validates it, then in a single pass over
 * the matches collects the page and the {@link MatchSummary}, then builds the hits and snippets of
 * the page. Semantic and hybrid requests go to {@link RankedSearch}. Thread-safe.
 */
final class PagedSearch {

  /** The largest page a request may ask for. */
  static final int MAX_LIMIT = 100;

  private final KeywordQueryParser parser;
  private final PageHits pageHits;
  private final RankedSearch ranked;

  PagedSearch(Analyzer analyzer, QueryLimits limits, Embeddings embeddings) {
    this.parser = new KeywordQueryParser(analyzer, limits);
    this.pageHits = new PageHits(analyzer);
    this.ranked = new RankedSearch(embeddings, pageHits);
  }

  SearchResult run(IndexSearcher searcher, SearchRequest request) throws IOException {
    int limit = checkedLimit(request.limit());
    SearchRequest.Mode mode = request.mode();
    if (mode == SearchRequest.Mode.KEYWORD) {
      return keyword(searcher, request, limit);
    }
    if (request.queryVector() == null) {
      if (!request.query().isBlank()) {
        throw new InvalidQueryException(
            "mode",
            "mode " + mode.name().toLowerCase(Locale.ROOT) + " needs the embedding of the query"
                + " (queryVector); use mode keyword, or search without q");
      }
      // Nothing to compare with: the filters alone, newest first, as in keyword mode.
      return keyword(searcher, request, limit);
    }
    Query keywords =
        mode == SearchRequest.Mode.HYBRID
            ? parser.parse(request.query())
            : MatchAllDocsQuery.INSTANCE;
    return ranked.run(searcher, request, keywords, limit);
  }

  private SearchResult keyword(IndexSearcher searcher, SearchRequest request, int limit)
      throws IOException {
    Query keywords = parser.parse(request.query());
    Query query = SearchFilters.restrict(keywords, SearchFilters.of(request));
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
    ScoreDoc[] scored = new ScoreDoc[pageDocs.length];
    for (int i = 0; i < pageDocs.length; i++) {
      scored[i] = new ScoreDoc(pageDocs[i].doc, score(order, (FieldDoc) pageDocs[i]));
    }
    return new SearchResult(
        summary.total(),
        pageHits.of(searcher, keywords, scored),
        summary.facets(),
        summary.classifications(),
        summary.histogram(),
        nextCursor);
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

  private static float score(HitOrder order, FieldDoc hit) {
    return order == HitOrder.RELEVANCE ? (Float) hit.fields[0] : hit.score;
  }
}
