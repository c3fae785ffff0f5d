package org.voc.index;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sentiment counts per ISO week (UTC) of the documents that match a request, overall and per value
 * of each {@link Dimension}, counted from doc values in one pass. Every list has one entry per
 * week of {@code weeks}, oldest first, empty weeks included.
 *
 * @param weeks the Monday of each week counted
 * @param all every matching document, by its own sentiment
 * @param groups per dimension, per value (sorted), the documents with that value, by the
 *     sentiment toward it ({@link Dimension})
 */
public record WeeklyCounts(
    List<LocalDate> weeks,
    List<Insights.SentimentCounts> all,
    Map<Dimension, Map<String, List<Insights.SentimentCounts>>> groups) {

  /**
   * What documents are grouped by. A document counts once per value it carries: for kind and
   * source with its own sentiment; for themes the sentiment about the theme; for brands the
   * sentiment toward the brand (the mention's, else the document's); for aspects the polarity
   * toward the aspect term (lower-cased); for urgency (tickets) and classifier labels (values
   * {@code name:label}, {@code name:?uncertain}) with the document's own sentiment.
   */
  public enum Dimension {
    KIND(IndexSchema.KIND, null),
    SOURCE(IndexSchema.SOURCE, null),
    THEME(IndexSchema.THEME, IndexSchema.THEME_SENTIMENT),
    BRAND(IndexSchema.BRAND, IndexSchema.BRAND_SENTIMENT),
    ASPECT(IndexSchema.ASPECT, IndexSchema.ASPECT_SENTIMENT),
    URGENCY(IndexSchema.URGENCY, null),
    CLASSIFICATION(IndexSchema.CLASSIFICATION, null);

    /** The keyword field that holds the values. */
    final String field;
    /** The sorted-set doc values of {@code value<US>label}; null: the document's sentiment applies. */
    final String labelledField;

    Dimension(String field, String labelledField) {
      this.field = field;
      this.labelledField = labelledField;
    }
  }

  public WeeklyCounts {
    weeks = List.copyOf(weeks);
    all = List.copyOf(all);
    Map<Dimension, Map<String, List<Insights.SentimentCounts>>> copy = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      Map<String, List<Insights.SentimentCounts>> values = new TreeMap<>();
      groups.getOrDefault(dimension, Map.of()).forEach((value, counts) -> values.put(value, List.copyOf(counts)));
      copy.put(dimension, Collections.unmodifiableMap(values));
    }
    groups = Collections.unmodifiableMap(copy);
  }

  /** The values of {@code dimension} that occur, sorted. */
  /**
   * These counts with {@code dimension}'s values narrowed to those {@code keep} accepts, each
   * renamed by {@code rename} (e.g. one classifier's {@code intent:card_arrival} to {@code card_arrival}).
   */
  public WeeklyCounts onlyValues(Dimension dimension, java.util.function.Predicate<String> keep,
      java.util.function.UnaryOperator<String> rename) {
    Map<Dimension, Map<String, List<Insights.SentimentCounts>>> copy = new EnumMap<>(groups);
    Map<String, List<Insights.SentimentCounts>> values = new TreeMap<>();
    groups.get(dimension).forEach((value, counts) -> {
      if (keep.test(value)) {
        values.put(rename.apply(value), counts);
      }
    });
    copy.put(dimension, values);
    return new WeeklyCounts(weeks, all, copy);
  }

  public List<String> values(Dimension dimension) {
    return List.copyOf(groups.get(dimension).keySet());
  }

  /** The weekly counts of one value (all zero when no document carries it). */
  public List<Insights.SentimentCounts> of(Dimension dimension, String value) {
    List<Insights.SentimentCounts> counts = groups.get(dimension).get(value);
    return counts != null ? counts : Collections.nCopies(weeks.size(), new Insights.SentimentCounts(0, 0, 0));
  }
}
