package org.voc.index;

import java.time.Duration;

/**
 * How much keyword query an untrusted user may send: characters, terms (words, counted before and
 * after analysis) and parenthesis nesting, and how long one search may run. The limits keep one
 * request from costing more than a page of results is worth.
 *
 * <p>A search that runs out of {@code searchBudget} stops where it is and answers with what it has
 * found, marked {@link SearchResult#partial()}.
 */
public record QueryLimits(int maxLength, int maxTerms, int maxDepth, Duration searchBudget) {

  /** The time budget of a search unless configured: two seconds. */
  public static final Duration DEFAULT_SEARCH_BUDGET = Duration.ofSeconds(2);

  /** 2,000 characters, 64 terms, 8 levels of parentheses, two seconds. */
  public static final QueryLimits DEFAULT = new QueryLimits(2_000, 64, 8);

  public QueryLimits {
    if (maxLength < 1 || maxTerms < 1 || maxDepth < 1) {
      throw new IllegalArgumentException(
          "query limits must be positive: " + maxLength + ", " + maxTerms + ", " + maxDepth);
    }
    if (searchBudget == null || searchBudget.isNegative() || searchBudget.isZero()) {
      throw new IllegalArgumentException("the search budget must be positive: " + searchBudget);
    }
  }

  /** These limits with the default search budget. */
  public QueryLimits(int maxLength, int maxTerms, int maxDepth) {
    this(maxLength, maxTerms, maxDepth, DEFAULT_SEARCH_BUDGET);
  }
}
