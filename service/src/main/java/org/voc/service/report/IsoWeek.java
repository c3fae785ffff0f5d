package org.voc.service.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week ({@code 2026-W47}): Monday 00:00 UTC to the next Monday, exclusive. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  /** The earliest year {@link #parse} accepts: a report reaches 11 weeks further back. */
  public static final int MIN_YEAR = 1900;

  public IsoWeek {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year " + year + " is out of range");
    }
    long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeks + ", not " + week);
    }
  }

  /** Parses {@code 2026-W47}; anything else is an {@link IllegalArgumentException} that says why. */
  public static IsoWeek parse(String text) {
    Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("week must be an ISO week like 2026-W47, not '" + text + "'");
    }
    int year = Integer.parseInt(matcher.group(1));
    if (year < MIN_YEAR) {
      throw new IllegalArgumentException("week must be in " + MIN_YEAR + " or later, not '" + text + "'");
    }
    return new IsoWeek(year, Integer.parseInt(matcher.group(2)));
  }

  /** The week {@code date} is in. */
  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The last week that has ended by now (UTC): the week before the current one. */
  public static IsoWeek lastComplete(Clock clock) {
    return of(LocalDate.now(clock.withZone(ZoneOffset.UTC))).minus(1);
  }

  /** Its Monday. */
  public LocalDate monday() {
    return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** Its Sunday. */
  public LocalDate sunday() {
    return monday().plusDays(6);
  }

  /** Monday 00:00 UTC. */
  public Instant start() {
    return monday().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The next Monday 00:00 UTC (exclusive). */
  public Instant end() {
    return monday().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The week {@code weeks} before this one. */
  public IsoWeek minus(int weeks) {
    return of(monday().minusWeeks(weeks));
  }

  /** Whether the week has ended by now. */
  public boolean isComplete(Clock clock) {
    return !clock.instant().isBefore(end());
  }

  /** Whether the week has not started yet. */
  public boolean isFuture(Clock clock) {
    return clock.instant().isBefore(start());
  }

  @Override
  public int compareTo(IsoWeek other) {
    return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%04d-W%02d", year, week);
  }
}
