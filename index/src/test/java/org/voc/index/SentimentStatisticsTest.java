package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentStatisticsTest {

  @Test
  void netSentimentIntervalFromTheStandardError() {
    // Scores: 20 x -1, 30 x 0, 50 x +1. Mean 0.3; sample variance (0.7 - 0.09) * 100 / 99.
    SentimentStatistics.NetSentiment net =
        SentimentStatistics.netSentiment(new Insights.SentimentCounts(20, 30, 50), 0.95);
    double se = Math.sqrt(0.61 * 100 / 99 / 100);
    assertThat(net.value()).isCloseTo(0.3, within(1e-12));
    assertThat(net.standardError()).isCloseTo(se, within(1e-12));
    assertThat(net.low()).isCloseTo(0.3 - 1.959964 * se, within(1e-6));
    assertThat(net.high()).isCloseTo(0.3 + 1.959964 * se, within(1e-6));
  }

  @Test
  void intervalStaysWithinMinusOneAndOne() {
    SentimentStatistics.NetSentiment net =
        SentimentStatistics.netSentiment(new Insights.SentimentCounts(1, 0, 9), 0.95);
    assertThat(net.high()).isEqualTo(1);
    SentimentStatistics.NetSentiment none = SentimentStatistics.netSentiment(new Insights.SentimentCounts(0, 0, 0), 0.95);
    assertThat(none.low()).isEqualTo(-1);
    // One document says nothing about the spread: no standard error, the whole range.
    SentimentStatistics.NetSentiment one = SentimentStatistics.netSentiment(new Insights.SentimentCounts(1, 0, 0), 0.95);
    assertThat(one.value()).isEqualTo(-1);
    assertThat(one.standardError()).isNull();
    assertThat(one.high()).isEqualTo(1);
  }

  @Test
  void holmBonferroniAdjustsInStepsAndStaysMonotone() {
    assertThat(SentimentStatistics.holm(new double[] {0.01, 0.04, 0.03}))
        .containsExactly(new double[] {0.03, 0.06, 0.06}, within(1e-12));
    assertThat(SentimentStatistics.holm(new double[] {0.5, 0.9})).containsExactly(new double[] {1, 1}, within(1e-12));
  }

  @Test
  void welchTestTellsALargeDifferenceFromNoise() {
    Map<String, Insights.SentimentCounts> groups = new LinkedHashMap<>();
    groups.put("acme", new Insights.SentimentCounts(20, 30, 50));
    groups.put("globex", new Insights.SentimentCounts(50, 30, 20));
    groups.put("initech", new Insights.SentimentCounts(22, 30, 48));
    List<SentimentStatistics.PairTest> tests = SentimentStatistics.pairwise(groups, 0.05);
    assertThat(tests).extracting(t -> t.a() + "-" + t.b())
        .containsExactly("acme-globex", "acme-initech", "globex-initech");
    assertThat(tests.get(0).difference()).isCloseTo(0.6, within(1e-12));
    assertThat(tests.get(0).significant()).isTrue();
    assertThat(tests.get(0).adjustedPValue()).isLessThan(0.001);
    assertThat(tests.get(1).significant()).isFalse();
    assertThat(tests.get(1).pValue()).isGreaterThan(0.5);
    assertThat(tests.get(1).adjustedPValue()).isGreaterThanOrEqualTo(tests.get(1).pValue());
    assertThat(tests.get(2).significant()).isTrue();
  }

  @Test
  void groupsTooSmallToTestAreReportedUntested() {
    Map<String, Insights.SentimentCounts> groups = new LinkedHashMap<>();
    groups.put("a", new Insights.SentimentCounts(0, 0, 1));
    groups.put("b", new Insights.SentimentCounts(5, 0, 0));
    SentimentStatistics.PairTest test = SentimentStatistics.pairwise(groups, 0.05).getFirst();
    assertThat(test.pValue()).isNull();
    assertThat(test.significant()).isFalse();
  }
}
