package org.voc.service.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.voc.index.DocumentIndex;
import org.voc.index.Insights.SentimentCounts;
import org.voc.index.WeeklyCounts.Dimension;
import org.voc.nlp.SentimentLabel;
import org.voc.service.report.WeeklyReport.AspectFigures;
import org.voc.service.report.WeeklyReport.EmergingTheme;
import org.voc.service.report.WeeklyReport.Finding;
import org.voc.service.report.WeeklyReport.GroupFigures;

/**
 * The report's highlighted findings, each with a headline filled from its figures and the quotes
 * that show it: the largest theme, emerging themes, themes whose net sentiment changed
 * significantly, the most criticised and the most praised aspects (at most {@link
 * WeeklyReporter#TOP_FINDINGS} of each).
 */
final class ReportFindings {

  private final DocumentIndex index;
  private final IsoWeek week;

  ReportFindings(DocumentIndex index, IsoWeek week) {
    this.index = index;
    this.week = week;
  }

  List<Finding> collect(List<GroupFigures> themesByVolume, List<GroupFigures> themesByChange,
      List<EmergingTheme> emerging, List<AspectFigures> praised, List<AspectFigures> criticised)
      throws IOException {
    List<Finding> findings = new ArrayList<>();
    List<GroupFigures> movers = first(themesByChange.stream().filter(t -> t.netSentimentChange().significant()).toList());
    if (!themesByVolume.isEmpty() && themesByVolume.getFirst().volume() > 0
        && emerging.stream().noneMatch(e -> e.name().equals(themesByVolume.getFirst().name()))
        && movers.stream().noneMatch(m -> m.name().equals(themesByVolume.getFirst().name()))) {
      GroupFigures top = themesByVolume.getFirst();
      findings.add(finding("top_theme", Dimension.THEME, top.name(), dominant(top.sentiment()),
          "Largest theme: " + top.name() + " (" + ReportNumbers.of(top.volume(), "document") + ", "
              + ReportNumbers.percent(top.share()) + " of the week; net sentiment "
              + ReportNumbers.net(top.netSentiment().value()) + ")"));
    }
    for (EmergingTheme theme : first(emerging)) {
      SentimentCounts counts = themesByVolume.stream().filter(t -> t.name().equals(theme.name()))
          .map(GroupFigures::sentiment).findFirst().orElse(new SentimentCounts(0, 0, 0));
      findings.add(finding("emerging_theme", Dimension.THEME, theme.name(), dominant(counts), theme.isNew()
          ? "New theme: " + theme.name() + " (" + ReportNumbers.of(theme.volume(), "document") + "; none in the 4 weeks before)"
          : "Emerging theme: " + theme.name() + " (" + ReportNumbers.of(theme.volume(), "document") + ", "
              + ReportNumbers.percent(theme.share()) + " of the week against "
              + ReportNumbers.percent(theme.baselineShare()) + " in the 4 weeks before; "
              + ReportNumbers.p(theme.shareVsBaseline().adjustedPValue()) + ")"));
    }
    for (GroupFigures theme : movers) {
      boolean fell = theme.netSentimentChange().change() < 0;
      findings.add(finding(fell ? "theme_sentiment_fell" : "theme_sentiment_rose", Dimension.THEME, theme.name(),
          fell ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE,
          "Net sentiment about " + theme.name() + (fell ? " fell" : " rose") + " from "
              + ReportNumbers.net(theme.lastWeekNetSentiment()) + " to "
              + ReportNumbers.net(theme.netSentiment().value()) + " ("
              + ReportNumbers.p(theme.netSentimentChange().adjustedPValue()) + ")"));
    }
    for (AspectFigures aspect : first(criticised)) {
      findings.add(finding("aspect_criticised", Dimension.ASPECT, aspect.term(), SentimentLabel.NEGATIVE,
          "Criticised: " + aspect.term() + " (" + aspect.sentiment().negative() + " negative of "
              + ReportNumbers.of(aspect.volume(), "mention") + ")"));
    }
    for (AspectFigures aspect : first(praised)) {
      findings.add(finding("aspect_praised", Dimension.ASPECT, aspect.term(), SentimentLabel.POSITIVE,
          "Praised: " + aspect.term() + " (" + aspect.sentiment().positive() + " positive of "
              + ReportNumbers.of(aspect.volume(), "mention") + ")"));
    }
    return findings;
  }

  private Finding finding(String kind, Dimension dimension, String subject, SentimentLabel label, String headline)
      throws IOException {
    return new Finding(kind, subject, label, headline, ReportQuotes.of(index, week, dimension, subject, label));
  }

  private static <T> List<T> first(List<T> items) {
    return items.subList(0, Math.min(WeeklyReporter.TOP_FINDINGS, items.size()));
  }

  /** The most frequent label; ties go to negative, then positive (what a reader should see first). */
  static SentimentLabel dominant(SentimentCounts counts) {
    if (counts.negative() >= counts.positive() && counts.negative() >= counts.neutral()) {
      return SentimentLabel.NEGATIVE;
    }
    return counts.positive() >= counts.neutral() ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
  }
}
