package org.voc.crawlers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates as found in the wild (ISO-8601 with or without offset or time, RFC 1123 as in RSS, {@code
 * yyyy-MM-dd HH:mm:ss Z}, Unix seconds) turned into an ISO-8601 instant; null when unreadable, so a
 * text is kept (dated now) rather than lost over its date format.
 */
public final class Dates {

  private static final DateTimeFormatter SPACED_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS] Z");

  private Dates() {}

  public static String toIsoInstant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() <= 12 && text.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(text)).toString();
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException notIso) {
      // next format
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
    } catch (DateTimeParseException notRfc) {
      // next format
    }
    try {
      return OffsetDateTime.parse(text, SPACED_OFFSET).toInstant().toString();
    } catch (DateTimeParseException notSpaced) {
      // next format
    }
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toString();
    } catch (DateTimeParseException notLocal) {
      // next format
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).atStartOfDay(ZoneOffset.UTC)
          .toInstant().toString();
    } catch (DateTimeParseException notDate) {
      return null;
    }
  }
}
