package org.voc.nlp;

import org.voc.models.TextEncoder;

/** The theme detection voc ships: the similarity calibration, and trained heads where they apply. */
public final class ShippedThemes {

  private ShippedThemes() {}

  /** A detector over {@code encoder}'s sentence vectors (the encoder the shipped models were fitted on). */
  public static ThemeDetector detector(TextEncoder encoder) {
    return new ThemeDetector(encoder, ThemeDetector.Calibration.shipped(), ThemeDetector.Heads.shipped().orElse(null));
  }
}
