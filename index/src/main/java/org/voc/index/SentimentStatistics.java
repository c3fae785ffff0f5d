package org.voc.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Net sentiment as a statistic: each document scores +1 (positive), 0 (neutral) or -1 (negative);
 * net sentiment is their mean. Its confidence interval comes from the standard error of that mean
 * (normal approximation, clipped to [-1, 1]); two groups are compared with Welch's two-sample
 * t-test on the scores, and many pairs with the Holm-Bonferroni correction.
 */
public final class SentimentStatistics {

  /** The name of the pairwise test, as answers report it. */
  public static final String TEST = "welch_t_test";

  /** The correction for multiple comparisons, as answers report it. */
  public static final String CORRECTION = "holm_bonferroni";

  private SentimentStatistics() {}

  /**
   * Net sentiment with its standard error and a confidence interval at {@code level}. With fewer
   * than 2 documents there is no standard error (null) and the interval is all of [-1, 1].
   */
  public record NetSentiment(double value, Double standardError, double low, double high, double level) {}

  /**
   * One pair of groups compared: the difference of net sentiment ({@code a - b}), the t statistic,
   * the raw and the Holm-adjusted p-value, and whether the adjusted p-value is below alpha. A pair
   * where a group has fewer than 2 documents is not tested: p-values are null, not significant.
   * When every score within each group is the same there is no t statistic (null): the p-value
   * is 1 for equal groups and 0 otherwise.
   */
  public record PairTest(String a, String b, double difference, Double statistic, Double pValue,
      Double adjustedPValue, boolean significant) {}

  /** The scores' variance with n - 1 in the denominator (0 for fewer than 2 documents). */
  static double variance(Insights.SentimentCounts counts) {
    long n = counts.total();
    if (n < 2) {
      return 0;
    }
    double mean = counts.net();
    double meanOfSquares = (counts.positive() + counts.negative()) / (double) n;
    return Math.max(0, (meanOfSquares - mean * mean) * n / (n - 1));
  }

  /** Net sentiment and its confidence interval at {@code level} (e.g. 0.95). */
  public static NetSentiment netSentiment(Insights.SentimentCounts counts, double level) {
    long n = counts.total();
    double mean = counts.net();
    if (n < 2) {
      return new NetSentiment(mean, null, -1, 1, level);
    }
    double se = Math.sqrt(variance(counts) / n);
    double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    return new NetSentiment(mean, se, Math.max(-1, mean - z * se), Math.min(1, mean + z * se), level);
  }

  /**
   * Every pair of {@code groups} (in map order) compared with Welch's t-test, p-values adjusted
   * with Holm-Bonferroni over the pairs that could be tested, significant below {@code alpha}.
   */
  public static List<PairTest> pairwise(Map<String, Insights.SentimentCounts> groups, double alpha) {
    List<String> names = List.copyOf(groups.keySet());
    List<double[]> raw = new ArrayList<>(); // {pair index, t, p}
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        pairs.add(new String[] {names.get(i), names.get(j)});
        double[] tp = welch(groups.get(names.get(i)), groups.get(names.get(j)));
        if (tp != null) {
          raw.add(new double[] {pairs.size() - 1, tp[0], tp[1]});
        }
      }
    }
    double[] adjusted = holm(raw.stream().mapToDouble(r -> r[2]).toArray());
    List<PairTest> tests = new ArrayList<>();
    for (int p = 0; p < pairs.size(); p++) {
      String a = pairs.get(p)[0];
      String b = pairs.get(p)[1];
      double difference = groups.get(a).net() - groups.get(b).net();
      PairTest test = new PairTest(a, b, difference, null, null, null, false);
      for (int r = 0; r < raw.size(); r++) {
        if ((int) raw.get(r)[0] == p) {
          double t = raw.get(r)[1];
          test = new PairTest(a, b, difference, Double.isNaN(t) ? null : t, raw.get(r)[2], adjusted[r],
              adjusted[r] < alpha);
        }
      }
      tests.add(test);
    }
    return tests;
  }

  /** {t, p} of Welch's test on the two groups' scores; null when a group has fewer than 2. */
  static double[] welch(Insights.SentimentCounts a, Insights.SentimentCounts b) {
    if (a.total() < 2 || b.total() < 2) {
      return null;
    }
    double va = variance(a);
    double vb = variance(b);
    double difference = a.net() - b.net();
    if (va == 0 && vb == 0) {
      // Every score the same within each group: the difference is certain, or there is none.
      return new double[] {Double.NaN, difference == 0 ? 1 : 0};
    }
    StatisticalSummaryValues sa = summary(a, va);
    StatisticalSummaryValues sb = summary(b, vb);
    TTest test = new TTest();
    return new double[] {test.t(sa, sb), test.tTest(sa, sb)};
  }

  private static StatisticalSummaryValues summary(Insights.SentimentCounts c, double variance) {
    double min = c.negative() > 0 ? -1 : c.neutral() > 0 ? 0 : 1;
    double max = c.positive() > 0 ? 1 : c.neutral() > 0 ? 0 : -1;
    return new StatisticalSummaryValues(c.net(), variance, c.total(), max, min,
        c.positive() - c.negative());
  }

  /** Holm-Bonferroni adjusted p-values, in the order given: monotone, at most 1. */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
