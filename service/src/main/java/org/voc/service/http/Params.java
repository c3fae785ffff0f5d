package org.voc.service.http;

import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reads query parameters, failing with a 400 that names the parameter. */
final class Params {

  private Params() {}

  static String string(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw invalid(name, name + " may be given once");
    }
    return values.isEmpty() ? null : values.getFirst();
  }

  static boolean bool(RoutingContext ctx, String name) {
    String value = string(ctx, name);
    if (value == null || value.isEmpty()) {
      return value != null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw invalid(name, name + " must be true or false");
    };
  }

  static Integer integer(RoutingContext ctx, String name) {
    String value = string(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, name + " must be a whole number");
    }
  }

  static Double number(RoutingContext ctx, String name) {
    String value = string(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (!Double.isFinite(parsed)) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid(name, name + " must be a number");
    }
  }

  /** Comma-separated values, each given parameter adding more; each value checked by {@code parse}. */
  static <T> Set<T> set(RoutingContext ctx, String name, Function<String, T> parse) {
    Set<T> result = new LinkedHashSet<>();
    for (String value : ctx.queryParam(name)) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          result.add(parse.apply(part.trim()));
        }
      }
    }
    return result;
  }

  /**
   * An instant from ISO-8601: a date-time with offset, or a date. A date means its start (UTC), or
   * with {@code endOfDay} the start of the next day, so {@code to=2026-11-30} includes that day.
   */
  /** The range of dates the API takes: the index keeps epoch milliseconds, which end long before Instant's. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  static Instant instant(RoutingContext ctx, String name, boolean endOfDay) {
    String value = string(ctx, name);
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant parsed = parseInstant(name, value, endOfDay);
    if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST.plusMillis(1))) {
      throw invalid(name, name + " must be between the years 1 and 9999");
    }
    return parsed;
  }

  private static Instant parseInstant(String name, String value, boolean endOfDay) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        LocalDate date = LocalDate.parse(value.trim());
        return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeException notDate) { // unparseable, or out of range (+999999999-12-31 plus a day)
        throw invalid(name, name + " must be an ISO-8601 date (2026-11-01) or date-time (2026-11-01T00:00:00Z)");
      }
    }
  }

  static ApiException invalid(String name, String message) {
    return new ApiException(ApiError.badRequest("invalid_parameter", message, name));
  }
}
