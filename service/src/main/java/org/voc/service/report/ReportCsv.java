package org.voc.service.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.voc.index.Insights.SentimentCounts;
import org.voc.service.report.WeeklyReport.AspectFigures;
import org.voc.service.report.WeeklyReport.EmergingTheme;
import org.voc.service.report.WeeklyReport.Finding;
import org.voc.service.report.WeeklyReport.GroupFigures;
import org.voc.service.report.WeeklyReport.Overall;
import org.voc.service.report.WeeklyReport.Quote;
import org.voc.service.report.WeeklyReport.Test;
import org.voc.service.report.WeeklyReport.WeekFigures;

/**
 * The report as one flat table, {@code week,section,item,metric,value}: one figure per row, so a
 * spreadsheet can pivot it. Text cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) get a leading {@code '}; numbers are left as numbers.
 */
final class ReportCsv {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private ReportCsv() {}

  static String render(WeeklyReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader("week", "section", "item", "metric", "value").get())) {
      Rows rows = new Rows(csv, report.week());
      for (int i = 0; i < report.summary().size(); i++) {
        rows.add("summary", Integer.toString(i + 1), "sentence", report.summary().get(i));
      }
      overall(rows, report.overall());
      for (WeekFigures week : report.trend()) {
        rows.add("trend", week.week(), "volume", week.volume());
        rows.add("trend", week.week(), "net_sentiment", week.netSentiment());
      }
      report.sources().forEach(g -> group(rows, "source", g));
      report.kinds().forEach(g -> group(rows, "kind", g));
      report.urgency().forEach(g -> group(rows, "urgency", g));
      report.classifications().forEach((name, labels) -> labels.forEach(g -> group(rows, "classifier:" + name, g)));
      report.brands().forEach(g -> group(rows, "brand", g));
      report.themesByVolume().forEach(g -> group(rows, "theme", g));
      report.emergingThemes().forEach(e -> emerging(rows, e));
      report.aspectsPraised().forEach(a -> aspect(rows, "aspect_praised", a));
      report.aspectsCriticised().forEach(a -> aspect(rows, "aspect_criticised", a));
      for (Finding finding : report.findings()) {
        rows.add("finding", finding.subject(), finding.kind(), finding.headline());
        for (Quote quote : finding.quotes()) {
          rows.add("quote", finding.subject(), quote.document(), quote.text());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void overall(Rows rows, Overall o) {
    rows.add("overall", "all", "volume", o.volume());
    rows.add("overall", "all", "volume_last_week", o.lastWeekVolume());
    rows.add("overall", "all", "volume_four_week_average", o.fourWeekAverageVolume());
    rows.test("overall", "all", "volume_vs_last_week", o.volumeVsLastWeek());
    rows.test("overall", "all", "volume_vs_four_weeks", o.volumeVsFourWeekAverage());
    rows.counts("overall", "all", o.sentiment());
    rows.add("overall", "all", "net_sentiment", o.netSentiment().value());
    rows.add("overall", "all", "net_sentiment_low", o.netSentiment().low());
    rows.add("overall", "all", "net_sentiment_high", o.netSentiment().high());
    rows.add("overall", "all", "net_sentiment_last_week", o.lastWeekNetSentiment());
    rows.add("overall", "all", "net_sentiment_four_weeks", o.fourWeekNetSentiment());
    rows.test("overall", "all", "net_sentiment_vs_last_week", o.netSentimentVsLastWeek());
    rows.test("overall", "all", "net_sentiment_vs_four_weeks", o.netSentimentVsFourWeeks());
  }

  private static void group(Rows rows, String section, GroupFigures g) {
    if (g.own() != null) {
      rows.add(section, g.name(), "own", g.own().toString());
    }
    rows.add(section, g.name(), "volume", g.volume());
    rows.add(section, g.name(), "share", g.share());
    rows.counts(section, g.name(), g.sentiment());
    rows.add(section, g.name(), "net_sentiment", g.netSentiment().value());
    rows.add(section, g.name(), "volume_last_week", g.lastWeekVolume());
    rows.add(section, g.name(), "share_last_week", g.lastWeekShare());
    rows.add(section, g.name(), "net_sentiment_last_week", g.lastWeekNetSentiment());
    rows.test(section, g.name(), "net_sentiment_change", g.netSentimentChange());
  }

  private static void emerging(Rows rows, EmergingTheme e) {
    rows.add("emerging_theme", e.name(), "new", Boolean.toString(e.isNew()));
    rows.add("emerging_theme", e.name(), "volume", e.volume());
    rows.add("emerging_theme", e.name(), "share", e.share());
    rows.add("emerging_theme", e.name(), "baseline_weekly_average", e.baselineWeeklyAverage());
    rows.add("emerging_theme", e.name(), "baseline_share", e.baselineShare());
    rows.test("emerging_theme", e.name(), "share_vs_baseline", e.shareVsBaseline());
  }

  private static void aspect(Rows rows, String section, AspectFigures a) {
    rows.add(section, a.term(), "volume", a.volume());
    rows.counts(section, a.term(), a.sentiment());
    rows.add(section, a.term(), "net_sentiment", a.netSentiment());
  }

  /** Writes rows of one report, every text cell neutralised. */
  private record Rows(CSVPrinter csv, String week) {
    void add(String section, String item, String metric, double value) {
      add(section, item, metric, ReportNumbers.figure(value));
    }

    void add(String section, String item, String metric, String value) {
      try {
        csv.printRecord(week, section, safe(item), metric, safe(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void counts(String section, String item, SentimentCounts counts) {
      add(section, item, "negative", counts.negative());
      add(section, item, "neutral", counts.neutral());
      add(section, item, "positive", counts.positive());
    }

    void test(String section, String item, String metric, Test test) {
      add(section, item, metric + "_change", test.change());
      if (test.statistic() != null) {
        add(section, item, metric + "_statistic", test.statistic());
      }
      if (test.pValue() != null) {
        add(section, item, metric + "_p", test.pValue());
      }
      if (test.adjustedPValue() != null) {
        add(section, item, metric + "_p_adjusted", test.adjustedPValue());
      }
      add(section, item, metric + "_significant", Boolean.toString(test.significant()));
    }
  }

  /** The cell as a spreadsheet will show it, never run: formula starters get a leading quote. */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return cell;
    }
    return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
