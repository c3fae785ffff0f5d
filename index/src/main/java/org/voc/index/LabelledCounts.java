package org.voc.index;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Counts per value and sentiment label, in one array indexed by {@code id * LABELS + label}: a
 * group's documents by classifier output or urgency level, by the collector's value ids (see
 * {@link InsightsCollector.ValueIds}). Not thread-safe.
 */
final class LabelledCounts {

  private static final int LABELS = GroupAccumulator.LABELS;

  private long[] counts = new long[0];

  void add(int id, int label, long count) {
    int at = id * LABELS + label;
    if (at >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max((id + 1) * LABELS, counts.length * 2));
    }
    counts[at] += count;
  }

  /** Adds {@code other}'s counts: its ids name {@code otherNames}, which {@code idOf} numbers for us. */
  void addAll(LabelledCounts other, List<String> otherNames, ToIntFunction<String> idOf) {
    for (int id = 0; id * LABELS < other.counts.length; id++) {
      int ours = -1;
      for (int label = 0; label < LABELS; label++) {
        long count = other.counts[id * LABELS + label];
        if (count > 0) {
          ours = ours < 0 ? idOf.applyAsInt(otherNames.get(id)) : ours;
          add(ours, label, count);
        }
      }
    }
  }

  /** One past the highest id counted (ids below it may have no documents). */
  int size() {
    return counts.length / LABELS;
  }

  /** The counts of {@code id} per label (negative, neutral, positive). */
  Insights.SentimentCounts of(int id) {
    int at = id * LABELS;
    return at >= counts.length ? new Insights.SentimentCounts(0, 0, 0)
        : new Insights.SentimentCounts(counts[at], counts[at + 1], counts[at + 2]);
  }
}
