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

  /**
   * One signal.
   *
   * @param signal the rule's name, e.g. {@code fraud}, {@code outage}, {@code repeated-contact}
   * @param evidence the words of the text that matched (empty for document-level signals such as
   *     strong negative sentiment)
   */
  public record Reason(String signal, String evidence) {}
}
