package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.voc.nlp.SentimentLabel;

/**
 * Counts every match per ISO week and sentiment label, overall and per value of each {@link
 * WeeklyCounts.Dimension}, reading only doc values. Values and labels are decoded once per segment
 * ordinal; per document the cost is one array increment per value it carries.
 *
 * <p>Counts live in flat arrays of {@code weeks * 3} longs: week {@code w}, label {@code l} at
 * {@code w * 3 + l} (labels by {@code SentimentLabel.ordinal()}).
 */
final class WeeklyCountsCollector implements Collector {

  private static final int LABELS = GroupAccumulator.LABELS;

  private final long firstWeek;
  private final int weeks;
  private final long[] all;
  private final Map<WeeklyCounts.Dimension, Map<String, long[]>> groups = new EnumMap<>(WeeklyCounts.Dimension.class);

  private WeeklyCountsCollector(long firstWeek, int weeks) {
    this.firstWeek = firstWeek;
    this.weeks = weeks;
    this.all = new long[weeks * LABELS];
    for (WeeklyCounts.Dimension dimension : WeeklyCounts.Dimension.values()) {
      groups.put(dimension, new HashMap<>());
    }
  }

  /** A manager for the weeks {@code firstWeek} to {@code lastWeek} ({@link WeeklyHistogram#weekOf}). */
  static CollectorManager<WeeklyCountsCollector, WeeklyCounts> manager(long firstWeek, long lastWeek) {
    int weeks = Math.toIntExact(lastWeek - firstWeek + 1);
    return new CollectorManager<>() {
      @Override
      public WeeklyCountsCollector newCollector() {
        return new WeeklyCountsCollector(firstWeek, weeks);
      }

      @Override
      public WeeklyCounts reduce(Collection<WeeklyCountsCollector> collectors) {
        WeeklyCountsCollector sum = new WeeklyCountsCollector(firstWeek, weeks);
        for (WeeklyCountsCollector collector : collectors) {
          add(sum.all, collector.all);
          collector.groups.forEach((dimension, values) -> values.forEach((value, counts) ->
              add(sum.groups.get(dimension).computeIfAbsent(value, v -> new long[weeks * LABELS]), counts)));
        }
        return sum.result();
      }
    };
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  private WeeklyCounts result() {
    List<java.time.LocalDate> mondays = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      mondays.add(WeeklyHistogram.bucket(firstWeek + w, 0).start());
    }
    Map<WeeklyCounts.Dimension, Map<String, List<Insights.SentimentCounts>>> byDimension =
        new EnumMap<>(WeeklyCounts.Dimension.class);
    groups.forEach((dimension, values) -> {
      Map<String, List<Insights.SentimentCounts>> series = new HashMap<>();
      values.forEach((value, counts) -> series.put(value, perWeek(counts)));
      byDimension.put(dimension, series);
    });
    return new WeeklyCounts(mondays, perWeek(all), byDimension);
  }

  private List<Insights.SentimentCounts> perWeek(long[] counts) {
    List<Insights.SentimentCounts> series = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      series.add(new Insights.SentimentCounts(counts[w * LABELS], counts[w * LABELS + 1], counts[w * LABELS + 2]));
    }
    return series;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    return new SegmentCounts(context.reader());
  }

  /** One dimension's values in a segment: per ordinal, its counts and (labelled fields) its label. */
  private final class SegmentDimension {
    final SortedSetDocValues values;
    final long[][] countsOfOrd;
    final int[] labelOfOrd; // -1: the document's label

    SegmentDimension(LeafReader reader, WeeklyCounts.Dimension dimension) throws IOException {
      boolean labelled = dimension.labelledField != null;
      values = DocValues.getSortedSet(reader, labelled ? dimension.labelledField : dimension.field);
      int n = Math.toIntExact(values.getValueCount());
      countsOfOrd = new long[n][];
      labelOfOrd = new int[n];
      Map<String, long[]> series = groups.get(dimension);
      for (int ord = 0; ord < n; ord++) {
        String value = values.lookupOrd(ord).utf8ToString();
        int separator = labelled ? value.lastIndexOf(IndexSchema.SEPARATOR) : -1;
        String name = separator < 0 ? value : value.substring(0, separator);
        labelOfOrd[ord] = separator < 0 ? -1 : labelOrdinal(value.substring(separator + 1));
        countsOfOrd[ord] = series.computeIfAbsent(name, v -> new long[weeks * LABELS]);
      }
    }

    void add(int doc, int week, int docLabel) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = 0, count = values.docValueCount(); i < count; i++) {
          int ord = (int) values.nextOrd();
          int label = labelOfOrd[ord] < 0 ? docLabel : labelOfOrd[ord];
          countsOfOrd[ord][week * LABELS + label]++;
        }
      }
    }
  }

  private static int labelOrdinal(String wireName) {
    return SentimentLabel.parse(wireName).orElse(SentimentLabel.NEUTRAL).ordinal();
  }

  /** Counts the matches of one segment. */
  private final class SegmentCounts implements LeafCollector {
    private final NumericDocValues createdAt;
    private final SortedSetDocValues sentiment;
    private final int[] labelOfSentimentOrd;
    private final List<SegmentDimension> dimensions = new ArrayList<>();

    SegmentCounts(LeafReader reader) throws IOException {
      createdAt = DocValues.getNumeric(reader, IndexSchema.CREATED_AT);
      sentiment = DocValues.getSortedSet(reader, IndexSchema.SENTIMENT);
      labelOfSentimentOrd = new int[Math.toIntExact(sentiment.getValueCount())];
      for (int ord = 0; ord < labelOfSentimentOrd.length; ord++) {
        labelOfSentimentOrd[ord] = labelOrdinal(sentiment.lookupOrd(ord).utf8ToString());
      }
      for (WeeklyCounts.Dimension dimension : WeeklyCounts.Dimension.values()) {
        dimensions.add(new SegmentDimension(reader, dimension));
      }
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      long millis = createdAt.advanceExact(doc) ? createdAt.longValue() : 0;
      long week = WeeklyHistogram.weekOf(millis) - firstWeek;
      if (week < 0 || week >= weeks) {
        return;
      }
      // No sentiment yet counts as neutral, as themes and brands without one do.
      int label = sentiment.advanceExact(doc)
          ? labelOfSentimentOrd[(int) sentiment.nextOrd()] : SentimentLabel.NEUTRAL.ordinal();
      all[(int) week * LABELS + label]++;
      for (SegmentDimension dimension : dimensions) {
        dimension.add(doc, (int) week, label);
      }
    }
  }
}
