package org.voc.service.ingest;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.voc.nlp.Document;

/**
 * Replaces personal data in a document's text, title, author and metadata values with placeholders
 * before it is journaled, analyzed and indexed: e-mail addresses ({@code [email]}), IBANs ({@code
 * [iban]}, mod-97 checked), payment-card numbers ({@code [card]}, 13 to 19 digits, Luhn checked),
 * US social security numbers ({@code [ssn]}) and phone numbers ({@code [phone]}: international
 * with {@code +} or {@code 00}, North American, or national with a leading 0). Checksums keep
 * order numbers and dates from being taken for cards and IBANs; kinds are tried in that order, so
 * the digits of an IBAN are never read as a phone number.
 */
public final class PiiRedactor implements UnaryOperator<Document> {

  /** Leaves every document as it is. */
  public static final UnaryOperator<Document> NONE = UnaryOperator.identity();

  private record Kind(String placeholder, Pattern pattern, Predicate<String> check) {}

  private static final Kind[] KINDS = {
    new Kind("[email]", Pattern.compile(
        "(?<![\\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\\.[A-Za-z]{2,24}\\b"), m -> true),
    new Kind("[iban]", Pattern.compile(
        "\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\\b"), PiiRedactor::validIban),
    new Kind("[card]", Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"), PiiRedactor::luhn),
    new Kind("[ssn]", Pattern.compile("(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])"), m -> true),
    new Kind("[phone]", Pattern.compile(
        "(?<![\\w+])(?:(?:\\+|00)[1-9]\\d{0,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}"
            + "|\\(?\\b[2-9]\\d{2}\\)?[ .-]?[2-9]\\d{2}[ .-]\\d{4}"
            + "|\\b0\\d{1,4}[ /.-]?\\d{3,4}[ .-]?\\d{3,5})(?![\\w-])"), PiiRedactor::phoneDigits),
  };

  private PiiRedactor() {}

  /** The redactor when {@code redact} is on, else {@link #NONE}. */
  public static UnaryOperator<Document> when(boolean redact) {
    return redact ? new PiiRedactor() : NONE;
  }

  @Override
  public Document apply(Document d) {
    Map<String, String> metadata = new LinkedHashMap<>();
    d.metadata().forEach((k, v) -> metadata.put(k, redact(v)));
    return new Document(d.id(), d.source(), d.kind(), redact(d.text()), redact(d.title()), redact(d.author()),
        d.createdAt(), d.rating(), d.ratingMax(), d.brand(), d.product(), d.url(), d.lang(), metadata);
  }

  /** {@code text} with every piece of personal data replaced by its placeholder; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Kind kind : KINDS) {
      result = replace(result, kind);
    }
    return result;
  }

  private static String replace(String text, Kind kind) {
    Matcher matcher = kind.pattern().matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (matcher.find()) {
      if (!kind.check().test(matcher.group())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, matcher.start()).append(kind.placeholder());
      last = matcher.end();
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /** The Luhn checksum of the digits in {@code number} (separators ignored). */
  static boolean luhn(String number) {
    String digits = number.replaceAll("[^0-9]", "");
    if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /** ISO 13616: the country code and check digits moved to the end, letters as numbers, mod 97 is 1. */
  static boolean validIban(String iban) {
    String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
    if (compact.length() < 15 || compact.length() > 34) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  private static boolean phoneDigits(String phone) {
    long digits = phone.chars().filter(Character::isDigit).count();
    return digits >= 7 && digits <= 15;
  }
}
