package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What a customer text is: a review of a product, a support ticket, or a social post. */
public enum DocumentKind {
  REVIEW,
  TICKET,
  POST;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named by {@code value} ({@code review}, {@code ticket}, {@code post}), if any. */
  public static Optional<DocumentKind> parse(String value) {
    for (DocumentKind kind : values()) {
      if (kind.wireName().equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static DocumentKind fromJson(String value) {
    return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown kind: " + value));
  }
}
