package org.voc.nlp;

import java.util.List;

/**
 * How urgently a ticket needs a person, and why.
 *
 * @param level {@code low}, {@code normal} or {@code high}
 * @param reasons each signal that raised (or lowered) the level, in the order found
 */
public record Urgency(String level, List<Reason> reasons) {

  public Urgency {
    reasons = List.copyOf(reasons);
  }

  /** The levels, lowest first. */
  public static final List<String> LEVELS = List.of("low", "normal", "high");

  /** The signal a trained urgency classifier is listed under. */
  public static final String CLASSIFIER_SIGNAL = "classifier";

  /**
   * This urgency with a trained classifier's say (a classifier named {@code urgency} whose labels
   * are the levels): when it is sure of its label, the level is the higher of the two, so the
   * user's labels can raise a ticket the rules missed but never silence an explicit signal such as
   * fraud; the classifier is listed as a reason with its label and confidence. An uncertain
   * classifier, or labels that are not levels, change nothing.
   */
  public Urgency withLearned(Classification learned) {
    if (learned == null || learned.uncertain() || !LEVELS.contains(learned.label())) {
      return this;
    }
    String top = LEVELS.indexOf(learned.label()) > LEVELS.indexOf(level) ? learned.label() : level;
    List<Reason> all = new java.util.ArrayList<>(reasons);
    all.add(new Reason(CLASSIFIER_SIGNAL, learned.label() + String.format(java.util.Locale.ROOT, " (%.2f)",
        learned.confidence())));
    return new Urgency(top, all);
  }

  /**
   * One signal.
   *
   * @param signal the rule's name, e.g. {@code fraud}, {@code outage}, {@code repeated-contact}
   * @param evidence the words of the text that matched (empty for document-level signals such as
   *     strong negative sentiment)
   */
  public record Reason(String signal, String evidence) {}
}
