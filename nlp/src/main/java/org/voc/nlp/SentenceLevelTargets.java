package org.voc.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline for target sentiment: every target gets its whole sentence's sentiment from the
 * transformer. It is what a document-level tool reports, and what the target model is measured
 * against.
 */
public final class SentenceLevelTargets implements TargetSentimentModel {

  private final TransformerSentiment sentences;

  public SentenceLevelTargets(TransformerSentiment sentences) {
    this.sentences = sentences;
  }

  @Override
  public String name() {
    return "sentence-" + sentences.name();
  }

  @Override
  public String version() {
    return sentences.version();
  }

  @Override
  public List<Sentiment> score(List<Target> targets) {
    return score(targets, Map.of());
  }

  /**
   * Each target's sentence's sentiment; a sentence in {@code known} whose sentiment lists this
   * transformer's own output (same name and version) takes that output instead of a second pass.
   */
  @Override
  public List<Sentiment> score(List<Target> targets, Map<String, Sentiment> known) {
    Map<String, Sentiment> found = new HashMap<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Target target : targets) {
      String sentence = target.sentence();
      if (found.containsKey(sentence) || index.containsKey(sentence)) {
        continue;
      }
      Sentiment reused = known.containsKey(sentence) ? ownOutput(known.get(sentence)) : null;
      if (reused != null) {
        found.put(sentence, reused);
      } else {
        index.put(sentence, index.size());
      }
    }
    List<Sentiment> scored = index.isEmpty() ? List.of() : sentences.scoreTexts(new ArrayList<>(index.keySet()));
    return targets.stream()
        .map(t -> found.containsKey(t.sentence()) ? found.get(t.sentence()) : scored.get(index.get(t.sentence())))
        .toList();
  }

  /** The transformer's own output in {@code sentiment}, as the sentiment it alone gives, or null. */
  Sentiment ownOutput(Sentiment sentiment) {
    return fromOutput(sentiment, sentences.name(), sentences.version());
  }

  /** The output of the model {@code name} {@code version} among {@code sentiment}'s, as a sentiment, or null. */
  static Sentiment fromOutput(Sentiment sentiment, String name, String version) {
    for (Sentiment.ModelOutput output : sentiment.models()) {
      Map<String, Double> p = output.probabilities();
      if (output.name().equals(name) && output.version().equals(version)
          && p.containsKey("negative") && p.containsKey("neutral") && p.containsKey("positive")) {
        var three = new Sentiment.Probabilities(p.get("negative"), p.get("neutral"), p.get("positive"));
        return Sentiment.fromProbabilities(three, List.of(output));
      }
    }
    return null;
  }
}
