package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentiment of a text: a label, a score in [-1, 1] (positive minus negative probability), the
 * three-class probabilities, and each contributing model's own output.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Sentiment(
    SentimentLabel label, double score, Probabilities probabilities, List<ModelOutput> models) {

  public Sentiment {
    models = models == null ? List.of() : List.copyOf(models);
  }

  /** The sentiment that follows from three-class probabilities: argmax label, pos - neg score. */
  public static Sentiment fromProbabilities(Probabilities p, List<ModelOutput> models) {
    return new Sentiment(p.argmax(), p.positive() - p.negative(), p, models);
  }

  /** Probabilities of the three labels; they sum to 1. */
  public record Probabilities(double negative, double neutral, double positive) {

    /** The most probable label; a tie goes to neutral, then to negative. */
    public SentimentLabel argmax() {
      double max = Math.max(negative, Math.max(neutral, positive));
      if (neutral == max) {
        return SentimentLabel.NEUTRAL;
      }
      return negative == max ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE;
    }
  }

  /**
   * One model's own output: its name and version, its own label, and its class probabilities under
   * the model's own class names (CoreNLP's five classes, for example).
   */
  public record ModelOutput(
      String name, String version, String label, Map<String, Double> probabilities) {
    public ModelOutput {
      probabilities =
          probabilities == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }
  }
}
