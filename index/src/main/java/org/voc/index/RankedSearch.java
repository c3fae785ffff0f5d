package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Runs SEMANTIC and HYBRID searches, which rank a bounded list of candidates: the {@value
 * #VECTOR_CANDIDATES} documents nearest the query vector that pass the filters (SEMANTIC), fused
 * by reciprocal rank with the {@value #KEYWORD_CANDIDATES} best BM25 matches (HYBRID).
 *
 * <p>Pages are cut from that list at the offset in the cursor, so paging ends with the list. The
 * list is computed again for every page; it is the same as long as the index is, and a refresh in
 * between may shift it (unlike keyword cursors, which resume after a hit, not at a position).
 *
 * <p>The counts of a result are those of {@link SearchResult}. When a hybrid query has no words
 * to score by (only stopwords or only negations), the keyword ranking is empty and the search is
 * semantic, with the negations as filters. Thread-safe.
 */
final class RankedSearch {

  /**
   * Nearest neighbours asked of the graph. Fixed rather than grown with the page: a larger k
   * finds a different (better) neighbourhood, so pages fetched with different k could repeat or
   * skip hits, and the total and facets would change from page to page.
   */
  static final int VECTOR_CANDIDATES = 200;

  /** Best BM25 matches fused with the neighbours in hybrid search. */
  static final int KEYWORD_CANDIDATES = 200;

  private static final byte SEMANTIC_TAG = 'S';
  private static final byte HYBRID_TAG = 'H';

  private final Embeddings embeddings;
  private final PageHits pageHits;

  RankedSearch(Embeddings embeddings, PageHits pageHits) {
    this.embeddings = embeddings;
    this.pageHits = pageHits;
  }

  /**
   * Runs {@code request}, which has a query vector. {@code keywords} is its parsed query for
   * HYBRID, match-all for SEMANTIC.
   */
  SearchResult run(IndexSearcher searcher, SearchRequest request, Query keywords, int limit)
      throws IOException {
    float[] vector = embeddings.forQuery(request.queryVector());
    Float minSimilarity = checkedMinSimilarity(request.minSimilarity());
    byte tag = request.mode() == SearchRequest.Mode.SEMANTIC ? SEMANTIC_TAG : HYBRID_TAG;
    String cursor = request.cursor();
    int offset =
        cursor == null || cursor.isBlank() ? 0 : SearchCursor.decodeOffset(cursor.strip(), tag);

    List<Query> filters = SearchFilters.of(request);
    Query vectorFilter = vectorFilter(filters, KeywordQueryCompiler.exclusions(keywords));
    NearestDocuments.Found nearest =
        NearestDocuments.find(searcher, vector, VECTOR_CANDIDATES, vectorFilter, minSimilarity);
    Ranking ranking =
        KeywordQueryCompiler.scoresDocuments(keywords)
            ? fused(searcher, SearchFilters.restrict(keywords, filters), nearest)
            : alone(searcher, nearest);

    List<RankedDoc> ranked = ranking.ranked();
    // In longs: a forged cursor near Integer.MAX_VALUE must give an empty page, not overflow.
    long end = (long) offset + limit;
    List<RankedDoc> page =
        ranked.subList(Math.min(offset, ranked.size()), (int) Math.min(end, ranked.size()));
    String nextCursor = end < ranked.size() ? SearchCursor.encodeOffset(tag, (int) end) : null;
    ScoreDoc[] pageDocs =
        page.stream().map(doc -> new ScoreDoc(doc.doc(), doc.score())).toArray(ScoreDoc[]::new);
    MatchSummary summary = ranking.summary();
    return new SearchResult(
        summary.total(),
        pageHits.of(searcher, keywords, pageDocs),
        summary.facets(),
        summary.classifications(),
        summary.histogram(),
        nextCursor);
  }

  /** The list pages are cut from, and the summary of the matches it was made from. */
  private record Ranking(List<RankedDoc> ranked, MatchSummary summary) {}

  private static Ranking alone(IndexSearcher searcher, NearestDocuments.Found nearest)
      throws IOException {
    return new Ranking(nearest.ranking(), searcher.search(nearest.matches(), MatchSummaryCollector.manager()));
  }

  /**
   * One pass over every keyword match and every neighbour: the summary counts them all, and the
   * best BM25 matches among them are the keyword ranking.
   */
  private static Ranking fused(
      IndexSearcher searcher, Query keywordMatches, NearestDocuments.Found nearest) throws IOException {
    Query matches =
        new BooleanQuery.Builder()
            .add(keywordMatches, Occur.SHOULD)
            // Boosted to zero, the neighbours are counted without adding to any BM25 score; as
            // BM25 scores are positive, a neighbour without the keywords ranks below every match.
            .add(new BoostQuery(new ConstantScoreQuery(nearest.matches()), 0f), Occur.SHOULD)
            .build();
    TopFieldCollectorManager best =
        new TopFieldCollectorManager(
            HitOrder.RELEVANCE.sort, KEYWORD_CANDIDATES, null, Integer.MAX_VALUE);
    Object[] results =
        searcher.search(matches, new MultiCollectorManager(best, MatchSummaryCollector.manager()));
    List<RankedDoc> bm25 = new ArrayList<>();
    for (ScoreDoc hit : ((TopFieldDocs) results[0]).scoreDocs) {
      FieldDoc sorted = (FieldDoc) hit;
      float score = (Float) sorted.fields[0];
      if (score > 0) {
        bm25.add(new RankedDoc(sorted.doc, (BytesRef) sorted.fields[1], score));
      }
    }
    List<RankedDoc> ranked = ReciprocalRankFusion.fuse(List.of(bm25, nearest.ranking()));
    return new Ranking(ranked, (MatchSummary) results[1]);
  }

  /** The filters and negations as one kNN pre-filter; null when there are none. */
  private static Query vectorFilter(List<Query> filters, List<Query> exclusions) {
    if (filters.isEmpty() && exclusions.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filters.forEach(f -> filter.add(f, Occur.FILTER));
    if (filters.isEmpty()) {
      filter.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
    }
    exclusions.forEach(e -> filter.add(e, Occur.MUST_NOT));
    return filter.build();
  }

  private static Float checkedMinSimilarity(Float minSimilarity) {
    if (minSimilarity != null && !(minSimilarity >= -1 && minSimilarity <= 1)) {
      throw new InvalidQueryException(
          "minSimilarity", "minSimilarity must be between -1 and 1, got " + minSimilarity);
    }
    return minSimilarity;
  }
}
