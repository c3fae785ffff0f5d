package org.voc.service.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.voc.index.Insights.SentimentCounts;
import org.voc.index.SentimentStatistics.NetSentiment;
import org.voc.nlp.SentimentLabel;

/**
 * What changed in one ISO week, and how sure we are: the model every format renders. Every figure
 * comes from the index; every sentence of {@code summary} is a template filled from the figures.
 * "Last week" is the week before; the 4-week baseline is the four weeks before.
 *
 * @param week the ISO week, e.g. {@code 2026-W47}
 * @param complete false when the week has not ended yet (its figures are partial)
 * @param summary plain-language sentences filled from the figures below
 * @param overall volume and net sentiment against last week and the 4-week baseline
 * @param trend the last {@code TREND_WEEKS} weeks up to this one, oldest first
 * @param sources by source, largest this week first
 * @param kinds by kind, largest first
 * @param urgency tickets by urgency level, largest first
 * @param classifications per classifier (e.g. {@code intent}), by label, largest first; {@code
 *     ?uncertain} collects the documents the classifier was not sure about
 * @param brands by brand, largest first; share is share of voice
 * @param themesByVolume themes, largest this week first
 * @param themesByChange themes with documents in both weeks, largest change of net sentiment first
 * @param emergingThemes themes that are new or whose share spiked against the baseline
 * @param aspectsPraised aspect terms with most positive mentions this week
 * @param aspectsCriticised aspect terms with most negative mentions this week
 * @param findings the highlighted findings, each with representative quotes
 * @param methods how each test was done
 */
public record WeeklyReport(
    String week,
    LocalDate start,
    LocalDate end,
    boolean complete,
    Instant generatedAt,
    List<String> summary,
    Overall overall,
    List<WeekFigures> trend,
    List<GroupFigures> sources,
    List<GroupFigures> kinds,
    List<GroupFigures> urgency,
    java.util.Map<String, List<GroupFigures>> classifications,
    List<GroupFigures> brands,
    List<GroupFigures> themesByVolume,
    List<GroupFigures> themesByChange,
    List<EmergingTheme> emergingThemes,
    List<AspectFigures> aspectsPraised,
    List<AspectFigures> aspectsCriticised,
    List<Finding> findings,
    Methods methods) {

  /** Volume and net sentiment this week, last week, and over the 4-week baseline. */
  public record Overall(
      long volume,
      long lastWeekVolume,
      double fourWeekAverageVolume,
      Test volumeVsLastWeek,
      Test volumeVsFourWeekAverage,
      SentimentCounts sentiment,
      NetSentiment netSentiment,
      double lastWeekNetSentiment,
      double fourWeekNetSentiment,
      Test netSentimentVsLastWeek,
      Test netSentimentVsFourWeeks) {}

  /**
   * One test of a change: which test, the change it tests, its statistic, the p-value (adjusted
   * for the number of comparisons when {@code adjustedPValue} is set) and whether it is
   * significant at {@code alpha}. No p-value: too few documents to test.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Test(String test, double change, Double statistic, Double pValue, Double adjustedPValue,
      boolean significant) {}

  /** One week of the trend. */
  public record WeekFigures(String week, LocalDate start, long volume, SentimentCounts sentiment,
      double netSentiment) {}

  /**
   * A source, kind, brand or theme this week against last week. {@code share}: of this week's
   * documents (brands: of all brand mentions, share of voice). {@code netSentimentChange} is tested
   * with Welch's t-test on the per-document scores.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GroupFigures(
      String name,
      Boolean own,
      long volume,
      double share,
      SentimentCounts sentiment,
      NetSentiment netSentiment,
      long lastWeekVolume,
      double lastWeekShare,
      double lastWeekNetSentiment,
      Test netSentimentChange) {}

  /**
   * A theme that is new (no document in the 4 baseline weeks) or whose share of the documents rose
   * beyond normal variation.
   */
  public record EmergingTheme(
      String name,
      boolean isNew,
      long volume,
      double share,
      double baselineWeeklyAverage,
      double baselineShare,
      Test shareVsBaseline) {}

  /** An aspect term's mentions this week. */
  public record AspectFigures(String term, long volume, SentimentCounts sentiment, double netSentiment) {}

  /**
   * A highlighted finding: what kind ({@code emerging_theme}, {@code theme_sentiment_fell}, {@code
   * theme_sentiment_rose}, {@code aspect_criticised}, {@code aspect_praised}, {@code top_theme}),
   * about what, its headline (a filled template), and quotes that show it.
   */
  public record Finding(String kind, String subject, SentimentLabel sentiment, String headline,
      List<Quote> quotes) {}

  /**
   * A document behind a finding: its key, when, the sentiment toward the subject, the sentence
   * that carries it (plain text, untrusted: renderers escape it), and links to the document in the
   * API and in the analyst pages.
   */
  public record Quote(String source, String id, Instant createdAt, SentimentLabel sentiment, String text,
      String document, String page) {}

  /** The tests used, by figure. */
  public record Methods(String volume, String netSentiment, String emerging, String correction, double alpha) {}
}
