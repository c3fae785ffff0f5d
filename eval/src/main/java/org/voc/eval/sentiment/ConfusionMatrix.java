package org.voc.eval.sentiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.nlp.SentimentLabel;

/**
 * Counts of gold against predicted labels, and the scores derived from them. Macro averages run
 * over the classes the file has (for a binary file: negative and positive).
 */
public final class ConfusionMatrix {

  private final long[][] counts = new long[3][3];
  private final List<SentimentLabel> classes;

  public ConfusionMatrix(List<SentimentLabel> classes) {
    this.classes = List.copyOf(classes);
  }

  public void add(SentimentLabel gold, SentimentLabel predicted) {
    counts[gold.ordinal()][predicted.ordinal()]++;
  }

  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  public double accuracy() {
    long correct = 0;
    for (SentimentLabel label : SentimentLabel.values()) {
      correct += counts[label.ordinal()][label.ordinal()];
    }
    return total() == 0 ? 0 : (double) correct / total();
  }

  /** Precision, recall, F1 and support of one class. */
  public record ClassScores(double precision, double recall, double f1, long support) {}

  public ClassScores scores(SentimentLabel label) {
    int i = label.ordinal();
    long truePositives = counts[i][i];
    long predicted = 0;
    long support = 0;
    for (int j = 0; j < 3; j++) {
      predicted += counts[j][i];
      support += counts[i][j];
    }
    double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
    double recall = support == 0 ? 0 : (double) truePositives / support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassScores(precision, recall, f1, support);
  }

  public double macroF1() {
    return classes.stream().mapToDouble(c -> scores(c).f1()).average().orElse(0);
  }

  /** Macro-averaged recall: TweetEval's official sentiment metric. */
  public double macroRecall() {
    return classes.stream().mapToDouble(c -> scores(c).recall()).average().orElse(0);
  }

  public Map<String, ClassScores> perClass() {
    Map<String, ClassScores> result = new LinkedHashMap<>();
    for (SentimentLabel label : classes) {
      result.put(label.wireName(), scores(label));
    }
    return result;
  }

  /** Rows are gold labels, columns predicted, in the order negative, neutral, positive. */
  public Map<String, Map<String, Long>> asMap() {
    Map<String, Map<String, Long>> result = new LinkedHashMap<>();
    for (SentimentLabel gold : SentimentLabel.values()) {
      Map<String, Long> row = new LinkedHashMap<>();
      for (SentimentLabel predicted : SentimentLabel.values()) {
        row.put(predicted.wireName(), counts[gold.ordinal()][predicted.ordinal()]);
      }
      result.put(gold.wireName(), row);
    }
    return result;
  }
}
