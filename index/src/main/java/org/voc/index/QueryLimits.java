package org.voc.index;

/**
 * How much keyword query an untrusted user may send: characters, terms (words, counted before and
 * after analysis) and parenthesis nesting. The limits keep one request from costing more than a
 * page of results is worth.
 */
public record QueryLimits(int maxLength, int maxTerms, int maxDepth) {

  /** 2,000 characters, 64 terms, 8 levels of parentheses. */
  public static final QueryLimits DEFAULT = new QueryLimits(2_000, 64, 8);

  public QueryLimits {
    if (maxLength < 1 || maxTerms < 1 || maxDepth < 1) {
      throw new IllegalArgumentException(
          "query limits must be positive: " + maxLength + ", " + maxTerms + ", " + maxDepth);
    }
  }
}
