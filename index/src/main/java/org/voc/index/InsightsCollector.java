package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * Visits every match once and adds it to its themes and brands, reading only doc values: the
 * theme and brand sentiments ({@code name<US>label}), the document's sentiment, its time, its
 * key phrases, its classifier outputs and its urgency.
 *
 * <p>Names and labels are decoded once per segment ordinal; per document the cost is a few array
 * reads per theme and brand. Key phrases are counted per segment ordinal and turned into strings
 * once per segment.
 */
final class InsightsCollector implements Collector {

  private final int examples;
  private final Map<String, GroupAccumulator> themes = new HashMap<>();
  private final Map<String, GroupAccumulator> brands = new HashMap<>();
  private final ValueIds phrases = new ValueIds();
  private final ValueIds classifications = new ValueIds();
  private final ValueIds urgencies = new ValueIds();
  private long total;

  private InsightsCollector(int examples) {
    this.examples = examples;
  }

  /**
   * What a pass over the matches found, before examples are loaded; {@code phrases}, {@code
   * classifications} ({@code name:label}) and {@code urgencies} name the value ids the groups count
   * by.
   */
  record Counted(long total, Map<String, GroupAccumulator> themes, Map<String, GroupAccumulator> brands,
      List<String> phrases, List<String> classifications, List<String> urgencies) {}

  /** Numbers the values of a doc-values field across segments, so groups count them in arrays. */
  static final class ValueIds {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String phrase) {
      Integer id = ids.get(phrase);
      if (id == null) {
        id = names.size();
        ids.put(phrase, id);
        names.add(phrase);
      }
      return id;
    }

    List<String> names() {
      return names;
    }
  }

  /** A manager for {@code IndexSearcher.search}: one collector per slice, merged at the end. */
  static CollectorManager<InsightsCollector, Counted> manager(int examples) {
    return new CollectorManager<>() {
      @Override
      public InsightsCollector newCollector() {
        return new InsightsCollector(examples);
      }

      @Override
      public Counted reduce(Collection<InsightsCollector> collectors) {
        InsightsCollector sum = new InsightsCollector(examples);
        for (InsightsCollector collector : collectors) {
          sum.total += collector.total;
          // Themes first: brands find their per-theme counts' themes by name among them.
          merge(sum, sum.themes, collector, collector.themes);
          merge(sum, sum.brands, collector, collector.brands);
        }
        return new Counted(sum.total, sum.themes, sum.brands, sum.phrases.names(),
            sum.classifications.names(), sum.urgencies.names());
      }
    };
  }

  private static void merge(InsightsCollector sum, Map<String, GroupAccumulator> into,
      InsightsCollector collector, Map<String, GroupAccumulator> from) {
    from.forEach((name, group) -> {
      GroupAccumulator merged = into.computeIfAbsent(name, n -> new GroupAccumulator(n, sum.examples, into.size()));
      merged.addAll(group, collector.phrases.names(), sum.phrases::id, sum.themes::get);
      merged.classifications.addAll(group.classifications, collector.classifications.names(), sum.classifications::id);
      merged.urgencies.addAll(group.urgencies, collector.urgencies.names(), sum.urgencies::id);
    });
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    return new SegmentInsights(context);
  }

  /** The groups of one doc-values field, decoded per ordinal. */
  private final class LabelledGroups {
    final SortedSetDocValues values;
    final GroupAccumulator[] groupOfOrd;
    final int[] labelOfOrd;
    // The current document's groups and labels.
    GroupAccumulator[] docGroups = new GroupAccumulator[8];
    int[] docLabels = new int[8];
    int docCount;
    // Per group slot of this segment (slotOfOrd), key-phrase counts by ordinal; allocated on first use.
    final int[] slotOfOrd;
    final GroupAccumulator[] groupOfSlot;
    final int[][] phraseCounts;
    int[] docSlots = new int[8];
    final SegmentBreakdown.Tally byClassification;
    final SegmentBreakdown.Tally byUrgency;

    LabelledGroups(LeafReader reader, String field, Map<String, GroupAccumulator> groups,
        SegmentBreakdown classificationValues, SegmentBreakdown urgencyValues) throws IOException {
      values = DocValues.getSortedSet(reader, field);
      int n = Math.toIntExact(values.getValueCount());
      groupOfOrd = new GroupAccumulator[n];
      labelOfOrd = new int[n];
      slotOfOrd = new int[n];
      Map<GroupAccumulator, Integer> slots = new HashMap<>();
      for (int ord = 0; ord < n; ord++) {
        String value = values.lookupOrd(ord).utf8ToString();
        int separator = value.lastIndexOf(IndexSchema.SEPARATOR);
        String name = separator < 0 ? value : value.substring(0, separator);
        SentimentLabel label = separator < 0 ? SentimentLabel.NEUTRAL
            : SentimentLabel.parse(value.substring(separator + 1)).orElse(SentimentLabel.NEUTRAL);
        groupOfOrd[ord] = groups.computeIfAbsent(name, g -> new GroupAccumulator(g, examples, groups.size()));
        labelOfOrd[ord] = label.ordinal();
        slotOfOrd[ord] = slots.computeIfAbsent(groupOfOrd[ord], g -> slots.size());
      }
      groupOfSlot = new GroupAccumulator[slots.size()];
      slots.forEach((group, slot) -> groupOfSlot[slot] = group);
      phraseCounts = new int[slots.size()][];
      byClassification = classificationValues.tally(slots.size());
      byUrgency = urgencyValues.tally(slots.size());
    }

    /** Reads the groups of {@code doc}; returns how many it has. */
    int read(int doc) throws IOException {
      docCount = 0;
      if (values.advanceExact(doc)) {
        int count = values.docValueCount();
        if (count > docGroups.length) {
          docGroups = Arrays.copyOf(docGroups, count);
          docLabels = Arrays.copyOf(docLabels, count);
          docSlots = Arrays.copyOf(docSlots, count);
        }
        for (int i = 0; i < count; i++) {
          int ord = (int) values.nextOrd();
          docGroups[docCount] = groupOfOrd[ord];
          docLabels[docCount] = labelOfOrd[ord];
          docSlots[docCount] = slotOfOrd[ord];
          docCount++;
        }
      }
      return docCount;
    }

    void add(long week, long createdAt, int globalDoc, int[] phrases, int phraseCount, int phraseValues) {
      for (int i = 0; i < docCount; i++) {
        GroupAccumulator group = docGroups[i];
        group.add(docLabels[i], week, createdAt, globalDoc);
        byClassification.add(docSlots[i], docLabels[i]);
        byUrgency.add(docSlots[i], docLabels[i]);
        if (phraseCount > 0) {
          int[] counts = phraseCounts[docSlots[i]];
          if (counts == null) {
            counts = new int[phraseValues];
            phraseCounts[docSlots[i]] = counts;
          }
          for (int p = 0; p < phraseCount; p++) {
            counts[phrases[p]]++;
          }
        }
      }
    }

    /** Adds this segment's phrase counts to the groups; {@code idOfOrd} is filled on first use. */
    void finish(SortedSetDocValues keyPhrases, int[] idOfOrd) throws IOException {
      byClassification.finish(groupOfSlot, group -> group.classifications, classifications);
      byUrgency.finish(groupOfSlot, group -> group.urgencies, urgencies);
      for (int slot = 0; slot < phraseCounts.length; slot++) {
        int[] counts = phraseCounts[slot];
        if (counts == null) {
          continue;
        }
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            if (idOfOrd[ord] < 0) {
              idOfOrd[ord] = phrases.id(keyPhrases.lookupOrd(ord).utf8ToString());
            }
            groupOfSlot[slot].addPhrase(idOfOrd[ord], counts[ord]);
          }
        }
      }
    }
  }

  /** Adds the matches of one segment. */
  private final class SegmentInsights implements LeafCollector {
    private final int docBase;
    private final LabelledGroups segmentThemes;
    private final LabelledGroups segmentBrands;
    // A document's classifier outputs and urgency, read once for its themes and brands.
    private final SegmentBreakdown classificationValues;
    private final SegmentBreakdown urgencyValues;
    private final NumericDocValues createdAt;
    private final SortedSetDocValues keyPhrases;
    private final int phraseValues;
    private int[] docPhrases = new int[16];

    SegmentInsights(LeafReaderContext context) throws IOException {
      LeafReader reader = context.reader();
      docBase = context.docBase;
      classificationValues = new SegmentBreakdown(reader, IndexSchema.CLASSIFICATION);
      urgencyValues = new SegmentBreakdown(reader, IndexSchema.URGENCY);
      segmentThemes = new LabelledGroups(reader, IndexSchema.THEME_SENTIMENT, themes, classificationValues, urgencyValues);
      segmentBrands = new LabelledGroups(reader, IndexSchema.BRAND_SENTIMENT, brands, classificationValues, urgencyValues);
      createdAt = DocValues.getNumeric(reader, IndexSchema.CREATED_AT);
      keyPhrases = DocValues.getSortedSet(reader, IndexSchema.KEY_PHRASE);
      phraseValues = Math.toIntExact(keyPhrases.getValueCount());
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      total++;
      int themeCount = segmentThemes.read(doc);
      int brandCount = segmentBrands.read(doc);
      if (themeCount + brandCount == 0) {
        return;
      }
      long millis = createdAt.advanceExact(doc) ? createdAt.longValue() : 0;
      long week = WeeklyHistogram.weekOf(millis);
      int phraseCount = readPhrases(doc);
      classificationValues.read(doc);
      urgencyValues.read(doc);
      segmentThemes.add(week, millis, docBase + doc, docPhrases, phraseCount, phraseValues);
      segmentBrands.add(week, millis, docBase + doc, docPhrases, phraseCount, phraseValues);
      for (int b = 0; b < brandCount; b++) {
        for (int t = 0; t < themeCount; t++) {
          segmentBrands.docGroups[b].addTheme(segmentThemes.docGroups[t], segmentThemes.docLabels[t]);
        }
      }
    }

    private int readPhrases(int doc) throws IOException {
      if (!keyPhrases.advanceExact(doc)) {
        return 0;
      }
      int count = keyPhrases.docValueCount();
      if (count > docPhrases.length) {
        docPhrases = new int[count];
      }
      for (int i = 0; i < count; i++) {
        docPhrases[i] = (int) keyPhrases.nextOrd();
      }
      return count;
    }

    @Override
    public void finish() throws IOException {
      int[] idOfOrd = new int[phraseValues];
      Arrays.fill(idOfOrd, -1);
      segmentThemes.finish(keyPhrases, idOfOrd);
      segmentBrands.finish(keyPhrases, idOfOrd);
    }
  }
}
