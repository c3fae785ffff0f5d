package org.voc.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document's sentiment from its sentences': the weighted mean of their probabilities, for the
 * three voc classes and, model by model, for each model's own classes.
 */
final class SentimentAverage {

  /** The sentiment of a text with nothing in it to judge. */
  static final Sentiment NEUTRAL =
      Sentiment.fromProbabilities(new Sentiment.Probabilities(0, 1, 0), List.of());

  private SentimentAverage() {}

  /**
   * The mean of {@code sentiments} weighted by {@code weights} (sentence lengths, say); each
   * model's label is the argmax of its averaged probabilities, the earlier class on a tie.
   */
  static Sentiment weighted(List<Sentiment> sentiments, List<? extends Number> weights) {
    if (sentiments.size() != weights.size()) {
      throw new IllegalArgumentException(
          sentiments.size() + " sentiments, " + weights.size() + " weights");
    }
    double total = weights.stream().mapToDouble(Number::doubleValue).sum();
    if (sentiments.isEmpty() || total <= 0) {
      return NEUTRAL;
    }
    double negative = 0;
    double neutral = 0;
    double positive = 0;
    Map<String, ModelSum> models = new LinkedHashMap<>();
    for (int i = 0; i < sentiments.size(); i++) {
      Sentiment sentiment = sentiments.get(i);
      double w = weights.get(i).doubleValue();
      negative += w * sentiment.probabilities().negative();
      neutral += w * sentiment.probabilities().neutral();
      positive += w * sentiment.probabilities().positive();
      for (Sentiment.ModelOutput output : sentiment.models()) {
        models.computeIfAbsent(output.name(), name -> new ModelSum(output)).add(output, w);
      }
    }
    var mean = new Sentiment.Probabilities(negative / total, neutral / total, positive / total);
    List<Sentiment.ModelOutput> outputs = new ArrayList<>();
    models.values().forEach(sum -> outputs.add(sum.mean()));
    return Sentiment.fromProbabilities(mean, outputs);
  }

  /** Running weighted sums of one model's class probabilities. */
  private static final class ModelSum {
    private final String name;
    private final String version;
    private final String firstLabel;
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private double weight;

    ModelSum(Sentiment.ModelOutput first) {
      this.name = first.name();
      this.version = first.version();
      this.firstLabel = first.label();
    }

    void add(Sentiment.ModelOutput output, double w) {
      output.probabilities().forEach((label, p) -> sums.merge(label, w * p, Double::sum));
      weight += w;
    }

    Sentiment.ModelOutput mean() {
      Map<String, Double> means = new LinkedHashMap<>();
      String best = null;
      for (Map.Entry<String, Double> sum : sums.entrySet()) {
        double mean = weight > 0 ? sum.getValue() / weight : 0;
        means.put(sum.getKey(), mean);
        if (best == null || mean > means.get(best)) {
          best = sum.getKey();
        }
      }
      // A model that reports only a label has nothing to average; its first label stands.
      return new Sentiment.ModelOutput(name, version, best == null ? firstLabel : best, means);
    }
  }
}
