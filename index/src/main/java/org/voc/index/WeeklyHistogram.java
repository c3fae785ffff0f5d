package org.voc.index;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts timestamps per ISO week (Monday to Sunday, UTC). Not thread-safe: one per collector.
 *
 * <p>Weeks are numbered from the Monday before the epoch, so that a week is one integer and
 * counting a timestamp is a division, not a calendar computation.
 */
final class WeeklyHistogram {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  // 1970-01-01 was a Thursday: the Monday of its week is three days earlier.
  private static final long EPOCH_DAYS_AFTER_MONDAY = 3;

  private final Map<Long, Long> counts = new HashMap<>();

  // Documents in a segment mostly arrive in time order: count a run of one week before boxing it.
  private long runWeek;
  private long runCount;

  void add(long epochMillis) {
    long week = weekOf(epochMillis);
    if (runCount > 0 && week != runWeek) {
      flushRun();
    }
    runWeek = week;
    runCount++;
  }

  void addAll(WeeklyHistogram other) {
    other.flushRun();
    flushRun();
    other.counts.forEach((week, count) -> counts.merge(week, count, Long::sum));
  }

  /**
   * One bucket per week from the first counted week to the last, oldest first, empty weeks
   * included. When that spans more than {@code maxWeeks}, only the latest {@code maxWeeks} are
   * listed: recent weeks are the ones a report is about.
   */
  List<SearchResult.WeekCount> buckets(int maxWeeks) {
    flushRun();
    if (counts.isEmpty()) {
      return List.of();
    }
    TreeMap<Long, Long> sorted = new TreeMap<>(counts);
    long last = sorted.lastKey();
    long first = Math.max(sorted.firstKey(), last - maxWeeks + 1);
    List<SearchResult.WeekCount> buckets = new ArrayList<>();
    for (long week = first; week <= last; week++) {
      buckets.add(bucket(week, sorted.getOrDefault(week, 0L)));
    }
    return buckets;
  }

  static long weekOf(long epochMillis) {
    long epochDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    return Math.floorDiv(epochDay + EPOCH_DAYS_AFTER_MONDAY, 7);
  }

  static SearchResult.WeekCount bucket(long week, long count) {
    LocalDate monday = LocalDate.ofEpochDay(week * 7 - EPOCH_DAYS_AFTER_MONDAY);
    String label =
        String.format(
            Locale.ROOT,
            "%d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR),
            monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return new SearchResult.WeekCount(label, monday, count);
  }

  private void flushRun() {
    if (runCount > 0) {
      counts.merge(runWeek, runCount, Long::sum);
      runCount = 0;
    }
  }
}
