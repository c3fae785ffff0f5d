package org.voc.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    Map<String, Sentiment> bySentence = new HashMap<>();
    Set<String> todo = new LinkedHashSet<>();
    for (Target target : targets) {
      String sentence = target.sentence();
      if (!bySentence.containsKey(sentence) && !todo.contains(sentence)) {
        Sentiment reused = known.containsKey(sentence)
            ? fromOutput(known.get(sentence), sentences.name(), sentences.version()) : null;
        if (reused != null) {
          bySentence.put(sentence, reused);
        } else {
          todo.add(sentence);
        }
      }
    }
    if (!todo.isEmpty()) {
      List<String> texts = new ArrayList<>(todo);
      List<Sentiment> scored = sentences.scoreTexts(texts);
      for (int i = 0; i < texts.size(); i++) {
        bySentence.put(texts.get(i), scored.get(i));
      }
    }
    return targets.stream().map(t -> bySentence.get(t.sentence())).toList();
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
