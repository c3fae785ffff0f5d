package org.voc.nlp;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of the analysis a document gets: the whole of it, or a transformer-only path for
 * high-volume streams (social posts) that gives up what needs a parse for throughput.
 */
public enum AnalysisPipeline {
  /**
   * CoreNLP tokenizes, splits, tags and parses every text; the configured sentiment model, key
   * phrases from the parse, themes, aspects and brands with the target model's sentiment toward
   * each.
   */
  FULL,
  /**
   * CoreNLP only tokenizes and splits; one transformer encoder pass over the sentences gives each
   * sentence's sentiment, its vector (for themes) and the document vector. Brands come from the
   * dictionary. A theme or brand gets the mean sentiment of the sentences it is found in, not a
   * target model's; no aspects and no key phrases (both read the parse).
   */
  FAST;

  /** The lower-case name used in configuration and in an analysis's {@code modelVersions}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The pipeline named by {@code value} ({@code full}, {@code fast}), if any. */
  public static Optional<AnalysisPipeline> parse(String value) {
    for (AnalysisPipeline pipeline : values()) {
      if (pipeline.wireName().equals(value)) {
        return Optional.of(pipeline);
      }
    }
    return Optional.empty();
  }
}
