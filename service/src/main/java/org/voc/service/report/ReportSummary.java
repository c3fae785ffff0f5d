package org.voc.service.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.voc.service.report.WeeklyReport.Finding;
import org.voc.service.report.WeeklyReport.GroupFigures;
import org.voc.service.report.WeeklyReport.Overall;
import org.voc.service.report.WeeklyReport.Test;

/**
 * The plain-language summary at the top of the report: fixed sentence templates filled with the
 * report's figures, nothing else. Names in them (themes, brands, aspects) come from the data and
 * are escaped by each renderer like any other untrusted text.
 */
final class ReportSummary {

  private ReportSummary() {}

  static List<String> sentences(WeeklyReport report) {
    List<String> sentences = new ArrayList<>();
    Overall o = report.overall();
    sentences.add(ReportNumbers.of(o.volume(), "document") + " in " + report.week()
        + (report.complete() ? "" : " so far (the week is not over)") + ", "
        + change(o.volume() - o.lastWeekVolume(), o.lastWeekVolume() == 0 ? "" : " ("
            + ReportNumbers.percent(Math.abs(o.volume() - o.lastWeekVolume()) / (double) o.lastWeekVolume()) + ")")
        + " against " + o.lastWeekVolume() + " the week before (" + verdict(o.volumeVsLastWeek())
        + ") and a 4-week average of " + ReportNumbers.count(o.fourWeekAverageVolume()) + " ("
        + verdict(o.volumeVsFourWeekAverage()) + ").");
    if (o.volume() > 0) {
      sentences.add("Net sentiment was " + ReportNumbers.net(o.netSentiment().value()) + " against "
          + ReportNumbers.net(o.lastWeekNetSentiment()) + " the week before (" + verdict(o.netSentimentVsLastWeek())
          + ") and " + ReportNumbers.net(o.fourWeekNetSentiment()) + " over the 4 weeks before ("
          + verdict(o.netSentimentVsFourWeeks()) + ").");
    }
    report.brands().stream().filter(b -> Boolean.TRUE.equals(b.own())).findFirst().ifPresent(own ->
        sentences.add(own.name() + " had " + ReportNumbers.percent(own.share()) + " share of voice (last week "
            + ReportNumbers.percent(own.lastWeekShare()) + ") and net sentiment "
            + ReportNumbers.net(own.netSentiment().value()) + "."));
    // Every finding, but only the first aspect of each kind: the summary stays short.
    Set<String> kinds = new HashSet<>();
    for (Finding finding : report.findings()) {
      if (!finding.kind().startsWith("aspect_") || kinds.add(finding.kind())) {
        sentences.add(finding.headline() + ".");
      }
    }
    if (report.findings().stream().noneMatch(f -> f.kind().startsWith("theme_sentiment"))
        && !report.themesByChange().isEmpty()) {
      GroupFigures mover = report.themesByChange().getFirst();
      sentences.add("No theme's net sentiment changed significantly; the largest change was " + mover.name() + " ("
          + ReportNumbers.net(mover.lastWeekNetSentiment()) + " to " + ReportNumbers.net(mover.netSentiment().value())
          + ").");
    }
    return sentences;
  }

  private static String change(long difference, String relative) {
    if (difference == 0) {
      return "unchanged";
    }
    return (difference > 0 ? "up " : "down ") + Math.abs(difference) + relative;
  }

  /** "significant, p = 0.012" or "within normal variation, p = 0.4". */
  static String verdict(Test test) {
    if (test.pValue() == null) {
      return "too few documents to test";
    }
    Double p = test.adjustedPValue() != null ? test.adjustedPValue() : test.pValue();
    return (test.significant() ? "significant, " : "within normal variation, ") + ReportNumbers.p(p);
  }
}
