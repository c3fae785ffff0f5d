package org.voc.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The running figures of one theme or brand while matches are visited: sentiment counts, counts
 * per week, key phrases, classifier outputs, urgency levels, the most recent documents and, for
 * brands, counts per theme. Not thread-safe: one per collector.
 */
final class GroupAccumulator {

  /** Label indices are {@code SentimentLabel.ordinal()}: negative, neutral, positive. */
  static final int LABELS = 3;

  final String name;
  /** The group's number in its collector: themes index a brand's per-theme counts by it. */
  final int id;
  final long[] counts = new long[LABELS];
  /** Documents by classifier output ({@code name:label}) and sentiment label, by the collector's value id. */
  final LabelledCounts classifications = new LabelledCounts();
  /** Documents by urgency level and sentiment label, by the collector's value id. */
  final LabelledCounts urgencies = new LabelledCounts();
  // Key-phrase counts by the collector's phrase id (see InsightsCollector.ValueIds).
  private long[] phraseCounts = new long[0];
  // Brands only: counts per theme, indexed by the theme group's id.
  private GroupAccumulator[] themeOfId = new GroupAccumulator[0];
  private long[][] byTheme = new long[0][];
  private final Map<Long, long[]> weeks = new HashMap<>();
  private final RecentDocs recent;

  // Matches of a segment mostly come in time order: keep the current week's counts at hand.
  private long lastWeek = Long.MIN_VALUE;
  private long[] lastWeekCounts;

  GroupAccumulator(String name, int examples, int id) {
    this.name = name;
    this.id = id;
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

  void addTheme(GroupAccumulator theme, int label) {
    themeCounts(theme)[label]++;
  }

  private long[] themeCounts(GroupAccumulator theme) {
    if (theme.id >= byTheme.length) {
      int length = Math.max(theme.id + 1, byTheme.length * 2);
      byTheme = Arrays.copyOf(byTheme, length);
      themeOfId = Arrays.copyOf(themeOfId, length);
    }
    if (byTheme[theme.id] == null) {
      byTheme[theme.id] = new long[LABELS];
      themeOfId[theme.id] = theme;
    }
    return byTheme[theme.id];
  }

  /** Brands: the counts per theme name. */
  Map<String, long[]> themes() {
    Map<String, long[]> themes = new HashMap<>();
    for (int id = 0; id < byTheme.length; id++) {
      if (byTheme[id] != null) {
        themes.put(themeOfId[id].name, byTheme[id]);
      }
    }
    return themes;
  }

  void addPhrase(int phraseId, long count) {
    if (phraseId >= phraseCounts.length) {
      phraseCounts = Arrays.copyOf(phraseCounts, Math.max(phraseId + 1, phraseCounts.length * 2));
    }
    phraseCounts[phraseId] += count;
  }

  /**
   * Adds {@code other}'s figures: its phrase ids name {@code otherPhrases}, which {@code phraseId}
   * numbers for us; its themes are ours by name through {@code themeByName}.
   */
  void addAll(GroupAccumulator other, List<String> otherPhrases, ToIntFunction<String> phraseId,
      Function<String, GroupAccumulator> themeByName) {
    for (int i = 0; i < LABELS; i++) {
      counts[i] += other.counts[i];
    }
    other.weeks.forEach((week, c) -> add(weeks.computeIfAbsent(week, w -> new long[LABELS]), c));
    other.themes().forEach((theme, c) -> add(themeCounts(themeByName.apply(theme)), c));
    for (int id = 0; id < other.phraseCounts.length; id++) {
      if (other.phraseCounts[id] > 0) {
        addPhrase(phraseId.applyAsInt(otherPhrases.get(id)), other.phraseCounts[id]);
      }
    }
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

  /** The {@code n} most frequent phrases, ties by phrase; {@code phrases} names the phrase ids. */
  List<Insights.PhraseCount> topPhrases(int n, List<String> phrases) {
    List<Insights.PhraseCount> counted = new ArrayList<>();
    for (int id = 0; id < phraseCounts.length; id++) {
      if (phraseCounts[id] > 0) {
        counted.add(new Insights.PhraseCount(phrases.get(id), phraseCounts[id]));
      }
    }
    counted.sort(Comparator.comparingLong(Insights.PhraseCount::count).reversed()
        .thenComparing(Insights.PhraseCount::phrase));
    return List.copyOf(counted.subList(0, Math.min(n, counted.size())));
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
    private final long[] times;
    private final int[] docs;
    private int size;

    RecentDocs(int n) {
      times = new long[n];
      docs = new int[n];
    }

    void offer(long createdAt, int doc) {
      int n = times.length;
      if (n == 0 || (size == n && !before(createdAt, doc, times[n - 1], docs[n - 1]))) {
        return;
      }
      int at = size == n ? n - 1 : size++;
      while (at > 0 && before(createdAt, doc, times[at - 1], docs[at - 1])) {
        times[at] = times[at - 1];
        docs[at] = docs[at - 1];
        at--;
      }
      times[at] = createdAt;
      docs[at] = doc;
    }

    /** Whether (time, doc) comes before (otherTime, otherDoc): newer, or as new with a lower id. */
    private static boolean before(long time, int doc, long otherTime, int otherDoc) {
      return time > otherTime || (time == otherTime && doc < otherDoc);
    }

    void addAll(RecentDocs other) {
      for (int i = 0; i < other.size; i++) {
        offer(other.times[i], other.docs[i]);
      }
    }

    int[] docs() {
      return Arrays.copyOf(docs, size);
    }
  }
}
