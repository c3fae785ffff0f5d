package org.voc.nlp;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An analysis together with the document's search vector (the length-weighted mean of its
 * sentence vectors, L2-normalized), or null when no encoder is configured or the text is empty,
 * and how long each stage of the analysis took (empty when the analyzer does not say).
 */
public record AnalyzedDocument(Analysis analysis, float[] embedding, Map<AnalysisStage, Duration> stageTimes) {

  public AnalyzedDocument {
    stageTimes = stageTimes == null || stageTimes.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(stageTimes));
  }

  /** An analysis without stage timings. */
  public AnalyzedDocument(Analysis analysis, float[] embedding) {
    this(analysis, embedding, Map.of());
  }
}
