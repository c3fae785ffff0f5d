package org.voc.index;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Visits every match once to count it, its facet values and its week.
 *
 * <p>Facet values are counted by segment ordinal in an array and turned into strings once per
 * segment, so the per-document cost is a few array increments however many matches there are.
 */
final class MatchSummaryCollector implements Collector {

  /** Facet values listed per dimension. */
  static final int TOP_VALUES = 20;

  /** Weeks listed in the histogram: about ten years. */
  static final int MAX_WEEKS = 520;

  /** The facet dimensions and the classifier outputs, counted alike. */
  private static final List<String> COUNTED = Stream.concat(IndexSchema.FACET_DIMENSIONS.stream(),
      Stream.of(IndexSchema.CLASSIFICATION)).toList();

  private final FacetCounts facets = new FacetCounts(COUNTED);
  private final WeeklyHistogram weeks = new WeeklyHistogram();
  private long total;

  /** A manager for {@code IndexSearcher.search}: one collector per slice, summed at the end. */
  static CollectorManager<MatchSummaryCollector, MatchSummary> manager() {
    return new CollectorManager<>() {
      @Override
      public MatchSummaryCollector newCollector() {
        return new MatchSummaryCollector();
      }

      @Override
      public MatchSummary reduce(Collection<MatchSummaryCollector> collectors) {
        MatchSummaryCollector sum = new MatchSummaryCollector();
        for (MatchSummaryCollector collector : collectors) {
          sum.total += collector.total;
          sum.facets.addAll(collector.facets);
          sum.weeks.addAll(collector.weeks);
        }
        Map<String, Map<String, Long>> flat = sum.facets.top(TOP_VALUES);
        flat.remove(IndexSchema.CLASSIFICATION);
        return new MatchSummary(sum.total, flat, sum.facets.grouped(IndexSchema.CLASSIFICATION, TOP_VALUES),
            sum.weeks.buckets(MAX_WEEKS));
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    return new SegmentCounter(context.reader());
  }

  /** Counts the matches of one segment. */
  private final class SegmentCounter implements LeafCollector {
    private final List<String> dimensions = COUNTED;
    private final SortedSetDocValues[] values;
    // The same values where a segment holds at most one per document (kind, source, sentiment,
    // urgency; often theme and brand too): one ordinal to read rather than a count and a list.
    private final SortedDocValues[] single;
    private final int[][] ordinalCounts;
    private final NumericDocValues createdAt;

    SegmentCounter(LeafReader reader) throws IOException {
      values = new SortedSetDocValues[dimensions.size()];
      single = new SortedDocValues[dimensions.size()];
      ordinalCounts = new int[dimensions.size()][];
      for (int d = 0; d < values.length; d++) {
        values[d] = DocValues.getSortedSet(reader, dimensions.get(d));
        single[d] = DocValues.unwrapSingleton(values[d]);
        ordinalCounts[d] = new int[Math.toIntExact(values[d].getValueCount())];
      }
      createdAt = DocValues.getNumeric(reader, IndexSchema.CREATED_AT);
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      total++;
      for (int d = 0; d < values.length; d++) {
        SortedDocValues one = single[d];
        if (one != null) {
          if (one.advanceExact(doc)) {
            ordinalCounts[d][one.ordValue()]++;
          }
          continue;
        }
        SortedSetDocValues dimension = values[d];
        if (dimension.advanceExact(doc)) {
          for (int i = dimension.docValueCount(); i > 0; i--) {
            ordinalCounts[d][(int) dimension.nextOrd()]++;
          }
        }
      }
      if (createdAt.advanceExact(doc)) {
        weeks.add(createdAt.longValue());
      }
    }

    @Override
    public void finish() throws IOException {
      for (int d = 0; d < values.length; d++) {
        int[] counts = ordinalCounts[d];
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            facets.add(dimensions.get(d), values[d].lookupOrd(ord).utf8ToString(), counts[ord]);
          }
        }
      }
    }
  }
}
