package org.voc.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several target models asked the same targets, their class probabilities averaged: models trained
 * by one recipe from different seeds err on different targets, so their mean errs less than each.
 * The result lists every member's own output. The members' order is fixed, so the same targets get
 * the same answer whatever the thread.
 */
public final class AveragedTargets implements TargetSentimentModel {

  private final List<TargetSentimentModel> members;

  public AveragedTargets(List<TargetSentimentModel> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("AveragedTargets needs at least one model");
    }
    this.members = List.copyOf(members);
  }

  /** The first member's name: the members are one kind of model. */
  @Override
  public String name() {
    return members.getFirst().name();
  }

  /** The members' versions, joined by {@code ,}. */
  @Override
  public String version() {
    return members.stream().map(TargetSentimentModel::version).collect(Collectors.joining(","));
  }

  /** The models averaged, in order. */
  public List<TargetSentimentModel> members() {
    return members;
  }

  @Override
  public List<Sentiment> score(List<Target> targets) {
    return score(targets, Map.of());
  }

  @Override
  public List<Sentiment> score(List<Target> targets, Map<String, Sentiment> known) {
    List<List<Sentiment>> answers = new ArrayList<>(members.size());
    for (TargetSentimentModel member : members) {
      List<Sentiment> answer = member.score(targets, known);
      if (answer.size() != targets.size()) {
        throw new IllegalStateException(member.name() + " answered " + answer.size() + " of " + targets.size() + " targets");
      }
      answers.add(answer);
    }
    List<Sentiment> averaged = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      double negative = 0;
      double neutral = 0;
      double positive = 0;
      List<Sentiment.ModelOutput> outputs = new ArrayList<>();
      for (List<Sentiment> answer : answers) {
        Sentiment.Probabilities p = answer.get(i).probabilities();
        negative += p.negative();
        neutral += p.neutral();
        positive += p.positive();
        outputs.addAll(answer.get(i).models());
      }
      int n = answers.size();
      averaged.add(Sentiment.fromProbabilities(new Sentiment.Probabilities(negative / n, neutral / n, positive / n), outputs));
    }
    return averaged;
  }
}
