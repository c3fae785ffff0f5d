package org.voc.nlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Accuracy and per-label precision, recall and F1 of a classifier with string labels (intents,
 * the user's own categories). A null prediction ("uncertain") counts as wrong.
 */
public final class LabelScores {

  private final Map<String, long[]> counts = new LinkedHashMap<>(); // label -> {tp, fp, fn}
  private long n;
  private long right;

  /** Counts one example. */
  public void add(String gold, String predicted) {
    n++;
    if (Objects.equals(gold, predicted)) {
      right++;
      counts(gold)[0]++;
      return;
    }
    counts(gold)[2]++;
    if (predicted != null) {
      counts(predicted)[1]++;
    }
  }

  public long n() {
    return n;
  }

  public double accuracy() {
    return n == 0 ? 0 : (double) right / n;
  }

  /** Precision, recall and F1 of one label; {@code support} is how often it is the gold label. */
  public record PerLabel(double precision, double recall, double f1, long support) {}

  /** Every label seen as gold or prediction, sorted. */
  public Map<String, PerLabel> perLabel() {
    Map<String, PerLabel> out = new LinkedHashMap<>();
    for (String label : new TreeSet<>(counts.keySet())) {
      long[] c = counts.get(label);
      double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.put(label, new PerLabel(precision, recall, f1, c[0] + c[2]));
    }
    return out;
  }

  /** The mean F1 over the labels that occur as gold labels. */
  public double macroF1() {
    List<PerLabel> gold = perLabel().values().stream().filter(s -> s.support() > 0).toList();
    return gold.stream().mapToDouble(PerLabel::f1).average().orElse(0);
  }

  private long[] counts(String label) {
    return counts.computeIfAbsent(label, l -> new long[3]);
  }
}
