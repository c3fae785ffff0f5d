package org.voc.index;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;

/**
 * A search: keywords (phrases in quotes, AND / OR / NOT, {@code -term}) and filters. Empty sets and
 * nulls mean "no filter". Values within one filter are alternatives (OR); filters combine with AND.
 * {@code from} is inclusive, {@code to} exclusive. Ratings are on the 0-5 scale. {@code urgencies}
 * are ticket urgency levels ({@code low}, {@code normal}, {@code high}); {@code classifications}
 * are classifier outputs as {@code name:label} ({@code name:}{@value #UNCERTAIN} for an uncertain
 * one): alternatives within one classifier name, all names required.
 *
 * <p>{@link Mode} says how matches are found and ranked. {@code queryVector} is the embedding of
 * {@code query} made with the encoder that embedded the documents; SEMANTIC and HYBRID need it
 * unless {@code query} is blank (then they list the filtered documents like KEYWORD). It need not
 * be normalized: similarity is cosine. {@code minSimilarity} (cosine, -1 to 1; null for none)
 * drops the semantic candidates that are less similar than that. {@code sort} applies to KEYWORD
 * only. See {@link SearchResult} for what the total, facets and histogram count in each mode.
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
    Sort sort,
    Mode mode,
    float[] queryVector,
    Float minSimilarity,
    Set<String> urgencies,
    Set<String> classifications) {

  /** The label a classifier filter or facet gives a document the classifier was not sure about. */
  public static final String UNCERTAIN = "?uncertain";

  /** How hits are ordered. RELEVANCE falls back to NEWEST when the query is empty. */
  public enum Sort {
    RELEVANCE,
    NEWEST
  }

  /** How matches are found and ranked. */
  public enum Mode {
    /** BM25 over the keywords, or newest first; see {@link Sort}. */
    KEYWORD,
    /** The documents whose embeddings are nearest the query vector, most similar first. */
    SEMANTIC,
    /** The keyword and the semantic rankings, fused by reciprocal rank. */
    HYBRID
  }

  public SearchRequest {
    query = query == null ? "" : query;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    brands = brands == null ? Set.of() : Set.copyOf(brands);
    themes = themes == null ? Set.of() : Set.copyOf(themes);
    sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
    sort = sort == null ? Sort.RELEVANCE : sort;
    mode = mode == null ? Mode.KEYWORD : mode;
    queryVector = queryVector == null ? null : queryVector.clone();
    urgencies = urgencies == null ? Set.of() : Set.copyOf(urgencies);
    classifications = classifications == null ? Set.of() : Set.copyOf(classifications);
  }

  /** This request with {@code value} as the query's embedding. */
  public SearchRequest withQueryVector(float[] value) {
    return new SearchRequest(query, kinds, sources, brands, themes, sentiments, from, to, minRating, maxRating,
        limit, cursor, sort, mode, value, minSimilarity, urgencies, classifications);
  }

  /** A copy of the query's embedding, or null: the request stays immutable. */
  @Override
  public float[] queryVector() {
    return queryVector == null ? null : queryVector.clone();
  }

  // A record compares arrays by reference; two requests for the same vector are the same request.
  @Override
  public boolean equals(Object other) {
    return other instanceof SearchRequest that
        && limit == that.limit
        && query.equals(that.query)
        && kinds.equals(that.kinds)
        && sources.equals(that.sources)
        && brands.equals(that.brands)
        && themes.equals(that.themes)
        && sentiments.equals(that.sentiments)
        && Objects.equals(from, that.from)
        && Objects.equals(to, that.to)
        && Objects.equals(minRating, that.minRating)
        && Objects.equals(maxRating, that.maxRating)
        && Objects.equals(cursor, that.cursor)
        && sort == that.sort
        && mode == that.mode
        && Arrays.equals(queryVector, that.queryVector)
        && Objects.equals(minSimilarity, that.minSimilarity)
        && urgencies.equals(that.urgencies)
        && classifications.equals(that.classifications);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(query, kinds, sources, brands, themes, sentiments, from, to,
            minRating, maxRating, limit, cursor, sort, mode, minSimilarity, urgencies, classifications)
        + Arrays.hashCode(queryVector);
  }

  @Override
  public String toString() {
    return "SearchRequest[query=" + query + ", kinds=" + kinds + ", sources=" + sources
        + ", brands=" + brands + ", themes=" + themes + ", sentiments=" + sentiments
        + ", from=" + from + ", to=" + to + ", minRating=" + minRating
        + ", maxRating=" + maxRating + ", limit=" + limit + ", cursor=" + cursor
        + ", sort=" + sort + ", mode=" + mode + ", queryVector=" + Arrays.toString(queryVector)
        + ", minSimilarity=" + minSimilarity + ", urgencies=" + urgencies
        + ", classifications=" + classifications + "]";
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
    private Mode mode = Mode.KEYWORD;
    private float[] queryVector;
    private Float minSimilarity;
    private Set<String> urgencies = Set.of();
    private Set<String> classifications = Set.of();

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
    public Builder mode(Mode value) { this.mode = value; return this; }
    public Builder queryVector(float[] value) { this.queryVector = value; return this; }
    public Builder minSimilarity(Float value) { this.minSimilarity = value; return this; }
    public Builder urgencies(Set<String> value) { this.urgencies = value; return this; }
    public Builder classifications(Set<String> value) { this.classifications = value; return this; }

    public SearchRequest build() {
      return new SearchRequest(query, kinds, sources, brands, themes, sentiments, from, to,
          minRating, maxRating, limit, cursor, sort, mode, queryVector, minSimilarity, urgencies,
          classifications);
    }
  }
}
