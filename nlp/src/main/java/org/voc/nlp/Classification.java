package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one of the user's classifiers (e.g. {@code intent}) says about a document.
 *
 * @param label the predicted label, or null when the classifier is not sure enough to name one
 * @param confidence the calibrated probability of the best label, in [0, 1]
 * @param uncertain true when {@code confidence} is under the classifier's calibrated threshold, or
 *     the best label is the out-of-scope label: the text then goes to a person, not a queue
 * @param alternatives the three most probable labels, best first, each with its probability
 */
public record Classification(
    // Written even when null: "label": null is how a client sees that the classifier would not guess.
    @JsonInclude(JsonInclude.Include.ALWAYS) String label,
    double confidence,
    boolean uncertain,
    List<Alternative> alternatives) {

  public Classification {
    alternatives = List.copyOf(alternatives);
  }

  /** A label and its probability. */
  public record Alternative(String label, double confidence) {}
}
