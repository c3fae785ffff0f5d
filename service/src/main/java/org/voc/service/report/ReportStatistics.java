package org.voc.service.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.voc.index.Insights.SentimentCounts;
import org.voc.index.SentimentStatistics;
import org.voc.service.report.WeeklyReport.Test;

/**
 * The tests behind the report's "significant": volumes as Poisson counts (exact conditional
 * binomial test), net sentiment as the mean of per-document scores +1 / 0 / -1 (Welch's t-test,
 * {@link SentimentStatistics}), a theme's share against its baseline share (one-sided
 * two-proportion z-test), and Holm-Bonferroni over the many themes tested at once.
 */
final class ReportStatistics {

  static final double ALPHA = 0.05;
  static final double LEVEL = 0.95;
  static final String VOLUME_TEST = "poisson_exact_conditional_binomial";
  static final String SHARE_TEST = "two_proportion_z_test_one_sided";

  private ReportStatistics() {}

  /**
   * This week's count against {@code baselineTotal} documents over {@code baselineWeeks} weeks:
   * given both counts, this week's is binomial with p = 1 / (1 + baselineWeeks) when the weekly
   * rate has not changed. Two-sided; the change is in documents against the weekly average.
   */
  static Test volume(long count, long baselineTotal, int baselineWeeks) {
    double average = baselineTotal / (double) baselineWeeks;
    long n = count + baselineTotal;
    if (n == 0) {
      return new Test(VOLUME_TEST, 0, null, null, null, false);
    }
    double p = new BinomialTest().binomialTest(Math.toIntExact(n), Math.toIntExact(count),
        1.0 / (1 + baselineWeeks), AlternativeHypothesis.TWO_SIDED);
    return new Test(VOLUME_TEST, count - average, null, p, null, p < ALPHA);
  }

  /** Net sentiment of {@code now} against {@code before}: Welch's t-test on the scores. */
  static Test netSentiment(SentimentCounts now, SentimentCounts before) {
    Map<String, SentimentCounts> pair = new LinkedHashMap<>();
    pair.put("now", now);
    pair.put("before", before);
    SentimentStatistics.PairTest test = SentimentStatistics.pairwise(pair, ALPHA).getFirst();
    return new Test(SentimentStatistics.TEST, test.difference(), test.statistic(), test.pValue(), null,
        test.significant());
  }

  /**
   * Whether {@code count} of {@code total} is a larger share than {@code baselineCount} of {@code
   * baselineTotal}: one-sided z-test with the pooled proportion. The change is in share points.
   */
  static Test shareRise(long count, long total, long baselineCount, long baselineTotal) {
    double share = total == 0 ? 0 : count / (double) total;
    double baselineShare = baselineTotal == 0 ? 0 : baselineCount / (double) baselineTotal;
    double pooled = total + baselineTotal == 0 ? 0 : (count + baselineCount) / (double) (total + baselineTotal);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / Math.max(1, total) + 1.0 / Math.max(1, baselineTotal)));
    if (total == 0 || baselineTotal == 0 || se == 0) {
      return new Test(SHARE_TEST, share - baselineShare, null, null, null, false);
    }
    double z = (share - baselineShare) / se;
    double p = 1 - new NormalDistribution().cumulativeProbability(z);
    return new Test(SHARE_TEST, share - baselineShare, z, p, null, p < ALPHA);
  }

  /** The tests with Holm-Bonferroni adjusted p-values over those that have one; significance by them. */
  static List<Test> holm(List<Test> tests) {
    double[] raw = tests.stream().filter(t -> t.pValue() != null).mapToDouble(Test::pValue).toArray();
    double[] adjusted = SentimentStatistics.holm(raw);
    List<Test> result = new ArrayList<>();
    int next = 0;
    for (Test test : tests) {
      if (test.pValue() == null) {
        result.add(test);
      } else {
        double p = adjusted[next++];
        result.add(new Test(test.test(), test.change(), test.statistic(), test.pValue(), p, p < ALPHA));
      }
    }
    return result;
  }
}
