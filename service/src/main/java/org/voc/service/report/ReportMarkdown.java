package org.voc.service.report;

import java.util.List;
import java.util.function.Function;
import org.voc.service.report.WeeklyReport.AspectFigures;
import org.voc.service.report.WeeklyReport.EmergingTheme;
import org.voc.service.report.WeeklyReport.Finding;
import org.voc.service.report.WeeklyReport.GroupFigures;
import org.voc.service.report.WeeklyReport.Overall;
import org.voc.service.report.WeeklyReport.Quote;
import org.voc.service.report.WeeklyReport.WeekFigures;

/**
 * The report as Markdown (CommonMark with GitHub tables). Every untrusted string (names and
 * quotes from the data) goes through {@link #escape}: all ASCII punctuation backslash-escaped, so
 * it can open no link, image, HTML tag, emphasis or table cell, and URL-like text is broken with a
 * zero-width space so no autolink forms.
 */
final class ReportMarkdown {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private ReportMarkdown() {}

  static String render(WeeklyReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Weekly report ").append(r.week()).append(" (").append(r.start()).append(" to ").append(r.end())
        .append(")\n\n");
    if (!r.complete()) {
      md.append("*The week is not over: figures are partial.*\n\n");
    }
    r.summary().forEach(s -> md.append("- ").append(escape(s)).append('\n'));
    overall(md, r.overall());
    md.append("\n## Highlights\n");
    for (Finding finding : r.findings()) {
      md.append("\n### ").append(escape(finding.headline())).append("\n\n");
      for (Quote quote : finding.quotes()) {
        md.append("> ").append(escape(quote.text())).append("  \n> — [").append(escape(quote.source() + "/" + quote.id()))
            .append("](").append(quote.page()).append(") · [JSON](").append(quote.document()).append(")\n\n");
      }
    }
    md.append("\n## Trend\n\n| week | volume | net sentiment |\n|---|---:|---:|\n");
    for (WeekFigures w : r.trend()) {
      md.append("| ").append(w.week()).append(" | ").append(w.volume()).append(" | ")
          .append(ReportNumbers.net(w.netSentiment())).append(" |\n");
    }
    groups(md, "Themes by volume", "theme", r.themesByVolume());
    groups(md, "Themes by change of net sentiment", "theme", r.themesByChange());
    emerging(md, r.emergingThemes());
    aspects(md, "Aspects praised", r.aspectsPraised());
    aspects(md, "Aspects criticised", r.aspectsCriticised());
    groups(md, "Brands (share of voice)", "brand", r.brands());
    groups(md, "Sources", "source", r.sources());
    groups(md, "Kinds", "kind", r.kinds());
    if (!r.urgency().isEmpty()) {
      groups(md, "Tickets by urgency", "urgency", r.urgency());
    }
    r.classifications().forEach((name, labels) -> groups(md, "Classifier " + escape(name), escape(name), labels));
    md.append("\n## Method\n\n- Volume: ").append(r.methods().volume()).append("\n- Net sentiment: ")
        .append(r.methods().netSentiment()).append("\n- Emerging themes: ").append(r.methods().emerging())
        .append("\n- Many comparisons: ").append(r.methods().correction()).append("; significant below ")
        .append(r.methods().alpha()).append("\n");
    return md.toString();
  }

  private static void overall(StringBuilder md, Overall o) {
    md.append("\n## Volume and net sentiment\n\n| | this week | last week | 4-week average | vs last week | vs 4 weeks |\n")
        .append("|---|---:|---:|---:|---|---|\n")
        .append("| documents | ").append(o.volume()).append(" | ").append(o.lastWeekVolume()).append(" | ")
        .append(ReportNumbers.count(o.fourWeekAverageVolume())).append(" | ")
        .append(ReportSummary.verdict(o.volumeVsLastWeek())).append(" | ")
        .append(ReportSummary.verdict(o.volumeVsFourWeekAverage())).append(" |\n")
        .append("| net sentiment | ").append(ReportNumbers.net(o.netSentiment().value())).append(" (95 % interval ")
        .append(ReportNumbers.net(o.netSentiment().low())).append(" to ").append(ReportNumbers.net(o.netSentiment().high()))
        .append(") | ").append(ReportNumbers.net(o.lastWeekNetSentiment())).append(" | ")
        .append(ReportNumbers.net(o.fourWeekNetSentiment())).append(" | ")
        .append(ReportSummary.verdict(o.netSentimentVsLastWeek())).append(" | ")
        .append(ReportSummary.verdict(o.netSentimentVsFourWeeks())).append(" |\n");
  }

  private static void groups(StringBuilder md, String title, String column, List<GroupFigures> groups) {
    table(md, title, "| " + column + " | documents | share | negative / neutral / positive | net sentiment"
        + " | last week | change |\n|---|---:|---:|---|---:|---:|---|\n", groups, g -> "| " + escape(g.name())
        + (Boolean.TRUE.equals(g.own()) ? " (own)" : "") + " | " + g.volume() + " | "
        + ReportNumbers.percent(g.share()) + " | " + g.sentiment().negative() + " / " + g.sentiment().neutral()
        + " / " + g.sentiment().positive() + " | " + ReportNumbers.net(g.netSentiment().value()) + " | "
        + ReportNumbers.net(g.lastWeekNetSentiment()) + " | " + ReportSummary.verdict(g.netSentimentChange()) + " |");
  }

  private static void emerging(StringBuilder md, List<EmergingTheme> themes) {
    table(md, "Emerging themes", "| theme | documents | share | 4 weeks before: weekly average, share | test |\n"
        + "|---|---:|---:|---|---|\n", themes, e -> "| " + escape(e.name()) + (e.isNew() ? " (new)" : "") + " | "
        + e.volume() + " | " + ReportNumbers.percent(e.share()) + " | "
        + ReportNumbers.count(e.baselineWeeklyAverage()) + ", " + ReportNumbers.percent(e.baselineShare()) + " | "
        + ReportSummary.verdict(e.shareVsBaseline()) + " |");
  }

  private static void aspects(StringBuilder md, String title, List<AspectFigures> aspects) {
    table(md, title, "| aspect | mentions | negative / neutral / positive | net sentiment |\n|---|---:|---|---:|\n",
        aspects, a -> "| " + escape(a.term()) + " | " + a.volume() + " | " + a.sentiment().negative() + " / "
            + a.sentiment().neutral() + " / " + a.sentiment().positive() + " | " + ReportNumbers.net(a.netSentiment())
            + " |");
  }

  private static <T> void table(StringBuilder md, String title, String header, List<T> rows, Function<T, String> row) {
    md.append("\n## ").append(title).append("\n\n");
    if (rows.isEmpty()) {
      md.append("None this week.\n");
      return;
    }
    md.append(header);
    rows.forEach(r -> md.append(row.apply(r)).append('\n'));
  }

  /** {@code text} as inert Markdown: one line, punctuation escaped, no autolinks. */
  static String escape(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    StringBuilder escaped = new StringBuilder(flat.length() + 16);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      if (PUNCTUATION.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    // GitHub turns http://, https:// and www. in text into links, escaped or not.
    return escaped.toString().replace("\\:\\/\\/", "\\:\u200B\\/\\/").replaceAll("(?i)www\\\\\\.", "www\u200B\\\\.");
  }
}
