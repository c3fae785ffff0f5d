package org.voc.service.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.voc.nlp.Analysis;
import org.voc.nlp.Document;
import org.voc.nlp.Sentiment;

/**
 * The analysis stored for a document the analyzer failed on: it stays searchable by its text, is
 * counted as neutral, and says in {@code modelVersions.error} that it was not analyzed.
 */
final class FailedAnalysis {

  private FailedAnalysis() {}

  static Analysis of(Document document, RuntimeException error) {
    Sentiment neutral = Sentiment.fromProbabilities(new Sentiment.Probabilities(0, 1, 0), List.of());
    return new Analysis(document.text(), document.lang(), neutral, List.of(), List.of(), true,
        Instant.now(), Map.of("error", error.getClass().getSimpleName()));
  }
}
