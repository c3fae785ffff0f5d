package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class WeeklyHistogramTest {

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void weeksRunMondayToSundayInUtc() {
    WeeklyHistogram histogram = new WeeklyHistogram();
    histogram.add(millis("2026-11-22T23:59:59.999Z")); // Sunday, W47
    histogram.add(millis("2026-11-23T00:00:00Z")); // Monday, W48

    assertThat(histogram.buckets(520))
        .containsExactly(
            new SearchResult.WeekCount("2026-W47", LocalDate.parse("2026-11-16"), 1),
            new SearchResult.WeekCount("2026-W48", LocalDate.parse("2026-11-23"), 1));
  }

  @Test
  void weekAtTheTurnOfTheYearBelongsToItsIsoYear() {
    assertThat(WeeklyHistogram.bucket(WeeklyHistogram.weekOf(millis("2026-01-01T12:00:00Z")), 1))
        .isEqualTo(new SearchResult.WeekCount("2026-W01", LocalDate.parse("2025-12-29"), 1));
    assertThat(WeeklyHistogram.bucket(WeeklyHistogram.weekOf(millis("2027-01-01T12:00:00Z")), 1))
        .isEqualTo(new SearchResult.WeekCount("2026-W53", LocalDate.parse("2026-12-28"), 1));
  }

  @Test
  void weekNumbersAgreeWithJavaTimeForRandomInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      // From 1900 to 2100, so that dates before the epoch are covered too.
      long millis = -2_208_988_800_000L + (long) (random.nextDouble() * 6_311_433_600_000L);
      LocalDate date = Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate();

      SearchResult.WeekCount bucket = WeeklyHistogram.bucket(WeeklyHistogram.weekOf(millis), 1);

      String expected =
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      assertThat(bucket.week()).as(date.toString()).isEqualTo(expected);
      assertThat(bucket.start().getDayOfWeek().getValue()).isEqualTo(1);
    }
  }

  @Test
  void onlyTheLatestWeeksAreListedWhenTheSpanIsTooLong() {
    WeeklyHistogram histogram = new WeeklyHistogram();
    histogram.add(millis("2000-01-05T00:00:00Z"));
    histogram.add(millis("2026-11-18T00:00:00Z"));
    histogram.add(millis("2026-11-04T00:00:00Z"));

    List<SearchResult.WeekCount> buckets = histogram.buckets(3);

    assertThat(buckets)
        .extracting(SearchResult.WeekCount::week, SearchResult.WeekCount::count)
        .containsExactly(
            Tuple.tuple("2026-W45", 1L),
            Tuple.tuple("2026-W46", 0L),
            Tuple.tuple("2026-W47", 1L));
  }

  @Test
  void mergedHistogramsAddUp() {
    WeeklyHistogram a = new WeeklyHistogram();
    WeeklyHistogram b = new WeeklyHistogram();
    a.add(millis("2026-11-16T00:00:00Z"));
    a.add(millis("2026-11-17T00:00:00Z"));
    b.add(millis("2026-11-18T00:00:00Z"));
    b.add(millis("2026-11-09T00:00:00Z"));

    a.addAll(b);

    assertThat(a.buckets(520))
        .extracting(SearchResult.WeekCount::count)
        .containsExactly(1L, 3L);
  }
}
