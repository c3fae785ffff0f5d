package org.voc.index;

import java.time.Instant;
import java.util.Set;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;

/**
 * A search: keywords (phrases in quotes, AND / OR / NOT, {@code -term}) and filters. Empty sets and
 * nulls mean "no filter". Values within one filter are alternatives (OR); filters combine with AND.
 * {@code from} is inclusive, {@code to} exclusive. Ratings are on the 0-5 scale.
 */
public record SearchRequest(
    String query,
    Set<DocumentKind> kinds,
    Set<String> sources,
    Set<String> brands,
    Set<String> themes,
    Set<SentimentLabel> sentiments,
    Instant from,
    Instant to,
    Double minRating,
    Double maxRating,
    int limit,
    String cursor,
    Sort sort) {

  /** How hits are ordered. RELEVANCE falls back to NEWEST when the query is empty. */
  public enum Sort {
    RELEVANCE,
    NEWEST
  }

  public SearchRequest {
    query = query == null ? "" : query;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    brands = brands == null ? Set.of() : Set.copyOf(brands);
    themes = themes == null ? Set.of() : Set.copyOf(themes);
    sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
    sort = sort == null ? Sort.RELEVANCE : sort;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a request; unset filters are empty. */
  public static final class Builder {
    private String query = "";
    private Set<DocumentKind> kinds = Set.of();
    private Set<String> sources = Set.of();
    private Set<String> brands = Set.of();
    private Set<String> themes = Set.of();
    private Set<SentimentLabel> sentiments = Set.of();
    private Instant from;
    private Instant to;
    private Double minRating;
    private Double maxRating;
    private int limit = 10;
    private String cursor;
    private Sort sort = Sort.RELEVANCE;

    public Builder query(String value) { this.query = value; return this; }
    public Builder kinds(Set<DocumentKind> value) { this.kinds = value; return this; }
    public Builder sources(Set<String> value) { this.sources = value; return this; }
    public Builder brands(Set<String> value) { this.brands = value; return this; }
    public Builder themes(Set<String> value) { this.themes = value; return this; }
    public Builder sentiments(Set<SentimentLabel> value) { this.sentiments = value; return this; }
    public Builder from(Instant value) { this.from = value; return this; }
    public Builder to(Instant value) { this.to = value; return this; }
    public Builder minRating(Double value) { this.minRating = value; return this; }
    public Builder maxRating(Double value) { this.maxRating = value; return this; }
    public Builder limit(int value) { this.limit = value; return this; }
    public Builder cursor(String value) { this.cursor = value; return this; }
    public Builder sort(Sort value) { this.sort = value; return this; }

    public SearchRequest build() {
      return new SearchRequest(query, kinds, sources, brands, themes, sentiments, from, to,
          minRating, maxRating, limit, cursor, sort);
    }
  }
}
