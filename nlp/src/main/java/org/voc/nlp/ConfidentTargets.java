package org.voc.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The target model's answer where it is sure enough, else the sentence's. A target model trained on
 * restaurant, laptop and tweet targets can be near-uniform on a target it never met ("billing" in "I
 * want a refund.": 0.34 / 0.29 / 0.37); when its most probable class is below {@code minConfidence}
 * the target gets its sentence's sentiment instead, and the result lists both models' outputs so the
 * choice can be read back.
 */
public final class ConfidentTargets implements TargetSentimentModel {

  private final TargetSentimentModel targets;
  private final TargetSentimentModel sentences;
  private final double minConfidence;
  private final LongAdder fallbacks = new LongAdder();

  public ConfidentTargets(TargetSentimentModel targets, TargetSentimentModel sentences, double minConfidence) {
    if (minConfidence < 0 || minConfidence > 1) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1], not " + minConfidence);
    }
    this.targets = targets;
    this.sentences = sentences;
    this.minConfidence = minConfidence;
  }

  @Override
  public String name() {
    return targets.name();
  }

  @Override
  public String version() {
    return targets.version();
  }

  /** How many targets have taken their sentence's sentiment since this model was made. */
  public long fallbacks() {
    return fallbacks.sum();
  }

  /** The target model it asks first. */
  public TargetSentimentModel targets() {
    return targets;
  }

  @Override
  public List<Sentiment> score(List<Target> asked) {
    return score(asked, Map.of());
  }

  /** As {@link #score(List)}; an unsure target whose sentence is in {@code known} takes it from there. */
  @Override
  public List<Sentiment> score(List<Target> asked, Map<String, Sentiment> known) {
    List<Sentiment> scored = new ArrayList<>(targets.score(asked));
    List<Integer> unsure = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      if (top(scored.get(i).probabilities()) < minConfidence) {
        unsure.add(i);
      }
    }
    if (unsure.isEmpty()) {
      return scored;
    }
    fallbacks.add(unsure.size());
    List<Sentiment> fallback = sentences.score(unsure.stream().map(asked::get).toList(), known);
    for (int k = 0; k < unsure.size(); k++) {
      int i = unsure.get(k);
      List<Sentiment.ModelOutput> models = new ArrayList<>(scored.get(i).models());
      models.addAll(fallback.get(k).models());
      scored.set(i, Sentiment.fromProbabilities(fallback.get(k).probabilities(), models));
    }
    return scored;
  }

  private static double top(Sentiment.Probabilities p) {
    return Math.max(p.negative(), Math.max(p.neutral(), p.positive()));
  }
}
