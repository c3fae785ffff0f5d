package org.voc.eval.sentiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voc.nlp.SentimentLabel;

/**
 * How a file's label values map to sentiment labels. By default: {@code negative}/{@code
 * neutral}/{@code positive} (any case); {@code 0}/{@code 1} for a binary file (0 negative); {@code
 * 0}/{@code 1}/{@code 2} for a three-class file (0 negative, 1 neutral, 2 positive). Whether {@code
 * 1} means positive or neutral depends on whether the file has any {@code 2}, so the mapping is
 * chosen after seeing all label values. {@code --labels 0=negative,4=positive} overrides it.
 */
public final class LabelMapping {

  private final Map<String, SentimentLabel> mapping;

  private LabelMapping(Map<String, SentimentLabel> mapping) {
    this.mapping = Map.copyOf(mapping);
  }

  /** The default mapping for a file whose label values are {@code values}. */
  public static LabelMapping forValues(Set<String> values) {
    Map<String, SentimentLabel> mapping = new LinkedHashMap<>();
    boolean ternaryDigits = values.contains("2");
    mapping.put("0", SentimentLabel.NEGATIVE);
    mapping.put("1", ternaryDigits ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE);
    if (ternaryDigits) {
      mapping.put("2", SentimentLabel.POSITIVE);
    }
    for (SentimentLabel label : SentimentLabel.values()) {
      mapping.put(label.wireName(), label);
    }
    return new LabelMapping(mapping);
  }

  /** A mapping from {@code value=label,value=label}, e.g. {@code 0=negative,1=positive}. */
  public static LabelMapping parse(String spec) {
    Map<String, SentimentLabel> mapping = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("--labels wants value=label pairs, got '" + pair + "'");
      }
      String label = parts[1].trim().toLowerCase(Locale.ROOT);
      mapping.put(parts[0].trim().toLowerCase(Locale.ROOT), SentimentLabel.parse(label).orElseThrow(
          () -> new IllegalArgumentException("--labels: unknown label '" + label
              + "' (negative, neutral, positive)")));
    }
    return new LabelMapping(mapping);
  }

  /** The label a value stands for, if the mapping knows it. */
  public Optional<SentimentLabel> map(String value) {
    return Optional.ofNullable(mapping.get(value.trim().toLowerCase(Locale.ROOT)));
  }
}
