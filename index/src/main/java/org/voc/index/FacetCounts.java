package org.voc.index;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Matches per value of each facet dimension. Not thread-safe: one per collector. */
final class FacetCounts {

  private static final Comparator<Map.Entry<String, Long>> LARGEST_FIRST =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  private final List<String> dimensions;
  private final Map<String, Map<String, Long>> counts = new HashMap<>();

  FacetCounts(List<String> dimensions) {
    this.dimensions = List.copyOf(dimensions);
    dimensions.forEach(dimension -> counts.put(dimension, new HashMap<>()));
  }

  void add(String dimension, String value, long count) {
    counts.get(dimension).merge(value, count, Long::sum);
  }

  void addAll(FacetCounts other) {
    other.counts.forEach((dimension, values) -> values.forEach((v, n) -> add(dimension, v, n)));
  }

  /**
   * Every dimension, in the order given at construction, with its {@code topN} values: largest
   * count first, ties by value, so the output is the same on every run.
   */
  Map<String, Map<String, Long>> top(int topN) {
    Map<String, Map<String, Long>> top = new LinkedHashMap<>();
    for (String dimension : dimensions) {
      Map<String, Long> values = new LinkedHashMap<>();
      counts.get(dimension).entrySet().stream()
          .sorted(LARGEST_FIRST)
          .limit(topN)
          .forEachOrdered(e -> values.put(e.getKey(), e.getValue()));
      top.put(dimension, values);
    }
    return top;
  }

  /**
   * The {@code name:label} values of {@code dimension} grouped by name (in name order), each name
   * with its {@code topN} labels as in {@link #top}.
   */
  Map<String, Map<String, Long>> grouped(String dimension, int topN) {
    Map<String, Map<String, Long>> byName = new TreeMap<>();
    counts.get(dimension).entrySet().stream()
        .sorted(LARGEST_FIRST)
        .forEachOrdered(e -> {
          int colon = e.getKey().indexOf(':');
          Map<String, Long> labels = byName.computeIfAbsent(e.getKey().substring(0, Math.max(0, colon)),
              k -> new LinkedHashMap<>());
          if (labels.size() < topN) {
            labels.put(e.getKey().substring(colon + 1), e.getValue());
          }
        });
    return byName;
  }
}
