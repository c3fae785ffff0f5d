package org.voc.nlp;

import java.util.ArrayList;
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
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Target target : targets) {
      index.putIfAbsent(target.sentence(), index.size());
    }
    List<Sentiment> scored = sentences.scoreTexts(new ArrayList<>(index.keySet()));
    return targets.stream().map(t -> scored.get(index.get(t.sentence()))).toList();
  }
}
