package org.voc.service.report;

import java.util.Locale;

/** How the report writes numbers in text: fixed decimals, {@code Locale.ROOT}, so output is byte-stable. */
final class ReportNumbers {

  private ReportNumbers() {}

  /** Net sentiment with its sign: {@code +0.25}, {@code -0.10}, {@code 0.00}. */
  static String net(double value) {
    String text = String.format(Locale.ROOT, "%+.2f", value);
    return text.equals("+0.00") || text.equals("-0.00") ? "0.00" : text;
  }

  /** A share as a percentage: {@code 12.5%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A number with at most one decimal: {@code 12}, {@code 12.5}. */
  static String count(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code n} and the noun, plural unless n is 1: {@code 1 document}, {@code 3 documents}. */
  static String of(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A p-value: {@code p = 0.012}, {@code p < 0.001}, or {@code not tested}. */
  static String p(Double value) {
    if (value == null) {
      return "not tested";
    }
    return value < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", value);
  }

  /** A figure for tables and CSV: up to 4 decimals, no trailing zeros, {@code Locale.ROOT}. */
  static String figure(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    String text = new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
