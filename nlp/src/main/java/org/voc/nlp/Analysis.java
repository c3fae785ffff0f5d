package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What voc found in one document. Sentence spans are character offsets into {@code text}, the
 * cleaned plain text. {@code truncated} says that only the first sentences were analyzed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(
    String text,
    String language,
    Sentiment sentiment,
    List<SentenceAnalysis> sentences,
    List<String> keyPhrases,
    boolean truncated,
    Instant analyzedAt,
    Map<String, String> modelVersions) {

  public Analysis {
    sentences = List.copyOf(sentences);
    keyPhrases = List.copyOf(keyPhrases);
    modelVersions = Map.copyOf(modelVersions);
  }
}
