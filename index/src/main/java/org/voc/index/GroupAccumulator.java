package org.voc.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running figures of one theme or brand while matches are visited: sentiment counts, counts
 * per week, key phrases, the most recent documents and, for brands, counts per theme. Not
 * thread-safe: one per collector.
 */
final class GroupAccumulator {

  /** Label indices are {@code SentimentLabel.ordinal()}: negative, neutral, positive. */
  static final int LABELS = 3;

  final String name;
  final long[] counts = new long[LABELS];
  final Map<String, Long> phrases = new HashMap<>();
  final Map<String, long[]> themes = new HashMap<>();
  private final Map<Long, long[]> weeks = new HashMap<>();
  private final RecentDocs recent;

  // Matches of a segment mostly come in time order: keep the current week's counts at hand.
  private long lastWeek = Long.MIN_VALUE;
  private long[] lastWeekCounts;

  GroupAccumulator(String name, int examples) {
    this.name = name;
    this.recent = new RecentDocs(examples);
  }

  void add(int label, long week, long createdAt, int globalDoc) {
    counts[label]++;
    if (week != lastWeek) {
      lastWeek = week;
      lastWeekCounts = weeks.computeIfAbsent(week, w -> new long[LABELS]);
    }
    lastWeekCounts[label]++;
    recent.offer(createdAt, globalDoc);
  }

  void addTheme(String theme, int label) {
    themes.computeIfAbsent(theme, t -> new long[LABELS])[label]++;
  }

  void addPhrase(String phrase, long count) {
    phrases.merge(phrase, count, Long::sum);
  }

  void addAll(GroupAccumulator other) {
    for (int i = 0; i < LABELS; i++) {
      counts[i] += other.counts[i];
    }
    other.weeks.forEach((week, c) -> add(weeks.computeIfAbsent(week, w -> new long[LABELS]), c));
    other.themes.forEach((theme, c) -> add(themes.computeIfAbsent(theme, t -> new long[LABELS]), c));
    other.phrases.forEach(this::addPhrase);
    recent.addAll(other.recent);
    lastWeek = Long.MIN_VALUE;
  }

  long volume() {
    return counts[0] + counts[1] + counts[2];
  }

  Insights.SentimentCounts sentiment() {
    return counts(counts);
  }

  /** Every week from the first to the last, empty ones included, at most {@code maxWeeks} (the latest). */
  List<Insights.WeekSentiment> trend(int maxWeeks) {
    List<Insights.WeekSentiment> trend = new ArrayList<>();
    if (weeks.isEmpty()) {
      return trend;
    }
    TreeMap<Long, long[]> sorted = new TreeMap<>(weeks);
    long last = sorted.lastKey();
    long first = Math.max(sorted.firstKey(), last - maxWeeks + 1);
    for (long week = first; week <= last; week++) {
      SearchResult.WeekCount bucket = WeeklyHistogram.bucket(week, 0);
      Insights.SentimentCounts c = counts(sorted.getOrDefault(week, new long[LABELS]));
      trend.add(new Insights.WeekSentiment(bucket.week(), bucket.start(), c.total(), c.net()));
    }
    return trend;
  }

  /** The {@code n} most frequent phrases, ties by phrase. */
  List<Insights.PhraseCount> topPhrases(int n) {
    return phrases.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> new Insights.PhraseCount(e.getKey(), e.getValue()))
        .toList();
  }

  /** The global doc ids of the most recent documents, newest first. */
  int[] recentDocs() {
    return recent.docs();
  }

  static Insights.SentimentCounts counts(long[] c) {
    return new Insights.SentimentCounts(c[0], c[1], c[2]);
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < LABELS; i++) {
      into[i] += from[i];
    }
  }

  /** Keeps the {@code n} newest documents; equal times: the lower doc id. */
  static final class RecentDocs {
    private static final Comparator<long[]> NEWEST_FIRST =
        Comparator.<long[]>comparingLong(d -> -d[0]).thenComparingLong(d -> d[1]);

    private final int n;
    private final List<long[]> docs = new ArrayList<>();

    RecentDocs(int n) {
      this.n = n;
    }

    void offer(long createdAt, int doc) {
      if (n == 0) {
        return;
      }
      if (docs.size() == n) {
        long[] oldest = docs.getLast();
        if (createdAt < oldest[0] || (createdAt == oldest[0] && doc >= oldest[1])) {
          return;
        }
      }
      long[] candidate = {createdAt, doc};
      int at = 0;
      while (at < docs.size() && NEWEST_FIRST.compare(docs.get(at), candidate) <= 0) {
        at++;
      }
      docs.add(at, candidate);
      if (docs.size() > n) {
        docs.removeLast();
      }
    }

    void addAll(RecentDocs other) {
      other.docs.forEach(d -> offer(d[0], (int) d[1]));
    }

    int[] docs() {
      return docs.stream().mapToInt(d -> (int) d[1]).toArray();
    }
  }
}
