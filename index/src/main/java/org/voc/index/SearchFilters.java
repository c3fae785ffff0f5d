package org.voc.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The filters of a {@link SearchRequest} as Lucene queries, to be added as FILTER clauses: they
 * narrow the matches without touching scores. Values within one filter are alternatives; classifier
 * filters are alternatives within one classifier name, and every name given must match.
 *
 * <p>{@code createdAt} is compared at millisecond precision. A rating filter excludes documents
 * that have no rating.
 */
final class SearchFilters {

  private SearchFilters() {}

  /** The filter queries of {@code request}; empty when it filters nothing. */
  static List<Query> of(SearchRequest request) {
    List<Query> filters = new ArrayList<>();
    addKeywords(filters, IndexSchema.KIND, request.kinds(), k -> k.wireName());
    addKeywords(filters, IndexSchema.SOURCE, request.sources(), Function.identity());
    addKeywords(filters, IndexSchema.BRAND, request.brands(), Function.identity());
    addKeywords(filters, IndexSchema.THEME, request.themes(), Function.identity());
    addKeywords(filters, IndexSchema.SENTIMENT, request.sentiments(), s -> s.wireName());
    addKeywords(filters, IndexSchema.URGENCY, request.urgencies(), Function.identity());
    classifierNames(request.classifications()).values()
        .forEach(values -> addKeywords(filters, IndexSchema.CLASSIFICATION, values, Function.identity()));
    if (request.from() != null || request.to() != null) {
      filters.add(createdAtRange(request.from(), request.to()));
    }
    if (request.minRating() != null || request.maxRating() != null) {
      filters.add(ratingRange(request.minRating(), request.maxRating()));
    }
    return filters;
  }

  /** {@code query} restricted to the documents that pass every filter of {@code filters}. */
  static Query restrict(Query query, List<Query> filters) {
    if (filters.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder restricted = new BooleanQuery.Builder().add(query, Occur.MUST);
    filters.forEach(filter -> restricted.add(filter, Occur.FILTER));
    return restricted.build();
  }

  private static <T> void addKeywords(
      List<Query> filters, String field, Set<T> values, Function<T, String> toTerm) {
    if (!values.isEmpty()) {
      Collection<BytesRef> terms = values.stream().map(v -> new BytesRef(toTerm.apply(v))).toList();
      filters.add(KeywordField.newSetQuery(field, terms));
    }
  }

  /** {@code name:label} values grouped by name, in name order. */
  private static Map<String, Set<String>> classifierNames(Set<String> values) {
    Map<String, Set<String>> byName = new TreeMap<>();
    for (String value : values) {
      int colon = value.indexOf(':');
      if (colon < 1 || colon == value.length() - 1) {
        throw new InvalidQueryException("class", "class must be NAME:LABEL, not '" + value + "'");
      }
      byName.computeIfAbsent(value.substring(0, colon), k -> new HashSet<>()).add(value);
    }
    return byName;
  }

  private static Query createdAtRange(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidQueryException("from", "from (" + from + ") is after to (" + to + ")");
    }
    long lower = from == null ? Long.MIN_VALUE : epochMillis("from", from);
    // to is exclusive; Long.MIN_VALUE - 1 would wrap, and nothing is before it anyway.
    long upper = to == null ? Long.MAX_VALUE : epochMillis("to", to);
    if (to != null) {
      upper = upper == Long.MIN_VALUE ? Long.MIN_VALUE : upper - 1;
    }
    return LongPoint.newRangeQuery(IndexSchema.CREATED_AT, lower, upper);
  }

  private static long epochMillis(String field, Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new InvalidQueryException(field, field + " is out of range: " + instant);
    }
  }

  private static Query ratingRange(Double min, Double max) {
    double lower = bound("minRating", min, Double.NEGATIVE_INFINITY);
    double upper = bound("maxRating", max, Double.POSITIVE_INFINITY);
    if (lower > upper) {
      throw new InvalidQueryException(
          "minRating", "minRating (" + lower + ") is above maxRating (" + upper + ")");
    }
    return DoublePoint.newRangeQuery(IndexSchema.RATING, lower, upper);
  }

  private static double bound(String field, Double value, double absent) {
    if (value == null) {
      return absent;
    }
    if (value.isNaN()) {
      throw new InvalidQueryException(field, field + " is not a number");
    }
    return value;
  }
}
