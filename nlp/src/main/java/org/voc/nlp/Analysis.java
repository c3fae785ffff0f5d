package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What voc found in one document. Sentence spans are character offsets into {@code text}, the
 * cleaned plain text, as are the spans of themes, aspects and brands. {@code truncated} says that
 * only the first sentences were analyzed. {@code classifications} holds each of the user's
 * classifiers' output by classifier name; {@code urgency} is set for tickets only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(
    String text,
    String language,
    Sentiment sentiment,
    List<SentenceAnalysis> sentences,
    List<String> keyPhrases,
    List<ThemeMatch> themes,
    List<AspectMention> aspects,
    List<BrandMention> brands,
    Map<String, Classification> classifications,
    Urgency urgency,
    boolean truncated,
    Instant analyzedAt,
    Map<String, String> modelVersions) {

  public Analysis {
    sentences = List.copyOf(sentences);
    keyPhrases = List.copyOf(keyPhrases);
    themes = themes == null ? List.of() : List.copyOf(themes);
    aspects = aspects == null ? List.of() : List.copyOf(aspects);
    brands = brands == null ? List.of() : List.copyOf(brands);
    classifications = classifications == null ? Map.of() : Map.copyOf(classifications);
    modelVersions = Map.copyOf(modelVersions);
  }

  /** An analysis with no themes, aspects or brands. */
  public Analysis(String text, String language, Sentiment sentiment, List<SentenceAnalysis> sentences,
      List<String> keyPhrases, boolean truncated, Instant analyzedAt, Map<String, String> modelVersions) {
    this(text, language, sentiment, sentences, keyPhrases, null, null, null, null, null, truncated, analyzedAt,
        modelVersions);
  }

  /** This analysis with the given themes, aspects and brands. */
  public Analysis withInsights(List<ThemeMatch> themes, List<AspectMention> aspects, List<BrandMention> brands) {
    return new Analysis(text, language, sentiment, sentences, keyPhrases, themes, aspects, brands, classifications,
        urgency, truncated, analyzedAt, modelVersions);
  }

  /** This analysis with the given classifier outputs, keyed by classifier name. */
  public Analysis withClassifications(Map<String, Classification> value) {
    return new Analysis(text, language, sentiment, sentences, keyPhrases, themes, aspects, brands, value,
        urgency, truncated, analyzedAt, modelVersions);
  }

  /** This analysis with the given urgency (null for none: only tickets get one). */
  public Analysis withUrgency(Urgency value) {
    return new Analysis(text, language, sentiment, sentences, keyPhrases, themes, aspects, brands, classifications,
        value, truncated, analyzedAt, modelVersions);
  }
}
