package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The three sentiment classes every model's output is mapped to. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SentimentLabel> parse(String value) {
    for (SentimentLabel label : values()) {
      if (label.wireName().equals(value)) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static SentimentLabel fromJson(String value) {
    return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown label: " + value));
  }
}
