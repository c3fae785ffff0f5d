package org.voc.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * One segment's values of a keyword field that groups are broken down by (classifier outputs,
 * urgency levels): read once per document, counted per group slot and sentiment label by segment
 * ordinal ({@link Tally}), and turned into collector-wide value ids once, when the segment ends.
 */
final class SegmentBreakdown {

  private static final int LABELS = GroupAccumulator.LABELS;

  private final SortedSetDocValues values;
  private final int valueCount;
  private int[] docOrds = new int[4];
  private int docCount;
  private int[] idOfOrd;

  SegmentBreakdown(LeafReader reader, String field) throws IOException {
    values = DocValues.getSortedSet(reader, field);
    valueCount = Math.toIntExact(values.getValueCount());
  }

  /** Reads the values of {@code doc}: the ordinals the tallies count next. */
  void read(int doc) throws IOException {
    docCount = 0;
    if (valueCount == 0 || !values.advanceExact(doc)) {
      return;
    }
    int count = values.docValueCount();
    if (count > docOrds.length) {
      docOrds = Arrays.copyOf(docOrds, count);
    }
    for (int i = 0; i < count; i++) {
      docOrds[docCount++] = (int) values.nextOrd();
    }
  }

  /** Counts for the {@code slots} group slots of one field's groups (themes or brands). */
  Tally tally(int slots) {
    return new Tally(slots);
  }

  /** The collector-wide id of {@code ord}, numbered by {@code ids} on first use. */
  private int id(int ord, InsightsCollector.ValueIds ids) throws IOException {
    if (idOfOrd == null) {
      idOfOrd = new int[valueCount];
      Arrays.fill(idOfOrd, -1);
    }
    if (idOfOrd[ord] < 0) {
      idOfOrd[ord] = ids.id(values.lookupOrd(ord).utf8ToString());
    }
    return idOfOrd[ord];
  }

  /** Per group slot, counts by {@code ordinal * LABELS + label}; a slot's array made on first use. */
  final class Tally {
    private final int[][] countsOfSlot;

    private Tally(int slots) {
      countsOfSlot = new int[slots][];
    }

    /** Counts the document last read for the group in {@code slot}, with its sentiment {@code label}. */
    void add(int slot, int label) {
      if (docCount == 0) {
        return;
      }
      int[] counts = countsOfSlot[slot];
      if (counts == null) {
        counts = new int[valueCount * LABELS];
        countsOfSlot[slot] = counts;
      }
      for (int i = 0; i < docCount; i++) {
        counts[docOrds[i] * LABELS + label]++;
      }
    }

    /** Adds the counts to {@code countsOf} each slot's group, the values numbered by {@code ids}. */
    void finish(GroupAccumulator[] groupOfSlot, Function<GroupAccumulator, LabelledCounts> countsOf,
        InsightsCollector.ValueIds ids) throws IOException {
      for (int slot = 0; slot < countsOfSlot.length; slot++) {
        int[] counts = countsOfSlot[slot];
        if (counts == null) {
          continue;
        }
        LabelledCounts into = countsOf.apply(groupOfSlot[slot]);
        for (int at = 0; at < counts.length; at++) {
          if (counts[at] > 0) {
            into.add(id(at / LABELS, ids), at % LABELS, counts[at]);
          }
        }
      }
    }
  }
}
