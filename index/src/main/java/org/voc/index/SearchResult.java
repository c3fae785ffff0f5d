package org.voc.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.Sentiment;

/**
 * One page of hits, the total number of matches, facet counts over all matches (dimension to value
 * to count, largest count first, ties by value), the same for the classifier outputs (classifier
 * name to label to count, {@link SearchRequest#UNCERTAIN} for uncertain ones), a weekly histogram of matches by {@code createdAt}
 * (ISO weeks, Monday to Sunday, UTC, oldest first, empty weeks between included), and the cursor of
 * the next page (null on the last page).
 *
 * <p>What "the matches" are depends on the {@link SearchRequest.Mode}:
 *
 * <ul>
 *   <li>KEYWORD: every document that matches the keywords and the filters; paging reaches them
 *       all.
 *   <li>SEMANTIC: the candidates, that is the (at most 200) documents with an embedding nearest
 *       the query vector that pass the filters and {@code minSimilarity}. Semantic similarity
 *       has no cut-off of its own, so "all matches" would be every document; the candidates are
 *       what the hits are drawn from, and paging reaches them all.
 *   <li>HYBRID: every keyword match (as in KEYWORD) plus the semantic candidates, each counted
 *       once. Hits are the fusion of the best 200 keyword matches with the candidates, so paging
 *       may end before {@code total} hits: the counts describe the keyword matches in full, the
 *       hits the best of them.
 * </ul>
 *
 * <p>{@code partial} is true when the search ran out of its time budget ({@link
 * QueryLimits#searchBudget()}) and stopped early: the total, facets and histogram then count only
 * the matches visited, and hits are the best of those.
 *
 * <p>{@code score} is the BM25 score in KEYWORD mode, the cosine similarity (-1 to 1) in SEMANTIC
 * mode, and the reciprocal-rank-fusion score in HYBRID mode: comparable within one result only.
 */
public record SearchResult(
    long total,
    List<Hit> hits,
    @JsonIgnore Map<String, Map<String, Long>> facets,
    @JsonIgnore Map<String, Map<String, Long>> classifications,
    List<WeekCount> histogram,
    String nextCursor,
    boolean partial) {

  /** A complete result: the search finished within its time budget. */
  public SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets,
      Map<String, Map<String, Long>> classifications, List<WeekCount> histogram, String nextCursor) {
    this(total, hits, facets, classifications, histogram, nextCursor, false);
  }

  /** This result, marked as cut short by the search's time budget. */
  SearchResult asPartial() {
    return new SearchResult(total, hits, facets, classifications, histogram, nextCursor, true);
  }

  /** The key of the classifier counts among the facets in JSON. */
  public static final String CLASSIFICATIONS = "classifications";

  /**
   * The facets as JSON shows them: each dimension's counts, and under {@value #CLASSIFICATIONS}
   * each classifier's label counts ({@code {"intent": {"card_arrival": 12, "?uncertain": 3}}}).
   */
  @JsonProperty("facets")
  Map<String, Object> facetsWithClassifications() {
    Map<String, Object> all = new LinkedHashMap<>(facets);
    all.put(CLASSIFICATIONS, classifications);
    return all;
  }

  /**
   * One matching document. {@code snippet} is the best passage of the text with the matched words
   * in {@code <mark>...</mark>}; everything else in it is HTML-escaped, so it is safe to insert as
   * markup.
   */
  public record Hit(
      String id,
      String source,
      DocumentKind kind,
      Instant createdAt,
      String title,
      String brand,
      String snippet,
      Sentiment sentiment,
      float score) {}

  /** Matches created in one ISO week ({@code week} like {@code 2026-W47}, starting on {@code start}). */
  public record WeekCount(String week, LocalDate start, long count) {}
}
