package org.voc.service.report;

import java.util.List;
import java.util.function.Function;
import org.owasp.encoder.Encode;
import org.voc.service.report.WeeklyReport.AspectFigures;
import org.voc.service.report.WeeklyReport.EmergingTheme;
import org.voc.service.report.WeeklyReport.Finding;
import org.voc.service.report.WeeklyReport.GroupFigures;
import org.voc.service.report.WeeklyReport.Overall;
import org.voc.service.report.WeeklyReport.Quote;

/**
 * The report as one self-contained HTML page: inline CSS (with print rules, so it prints to PDF
 * cleanly) and inline SVG charts, no script, font or external resource; the same Content Security
 * Policy the HTTP answer sends is in a meta tag, so a saved copy stays as strict. Every string from
 * the data is encoded with the OWASP Java Encoder for where it goes.
 */
final class ReportHtml {

  private static final String CSS = """
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;max-width:980px;\
      margin:0 auto;padding:24px}
      h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 8px;border-bottom:1px solid #d0d7de;\
      padding-bottom:4px}h3{font-size:1em;margin:18px 0 6px}
      .sub{color:#57606a;margin:0 0 16px}.summary{background:#f6f8fa;border-left:4px solid #0969da;\
      padding:10px 16px 10px 32px}
      table{border-collapse:collapse;width:100%;font-size:.92em}th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;\
      text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      .sig{font-weight:600}figure{margin:0}figcaption{font-size:.85em;color:#57606a}blockquote{margin:6px 0 6px 0;padding:4px 12px;border-left:3px solid #d0d7de;color:#333}
      blockquote .by{display:block;font-size:.85em;color:#57606a}a{color:#0969da}
      .charts{display:grid;grid-template-columns:1fr;gap:12px}svg.chart{max-width:100%;height:auto}
      svg text{font-size:11px;fill:#57606a}.axis{stroke:#d0d7de}.zero{stroke:#8c959f}.line{fill:none;stroke:#0969da;\
      stroke-width:2}.dot{fill:#0969da}.bar{fill:#8fb8e8}.current{fill:#0969da}.neg{fill:#cf222e}.neu{fill:#afb8c1}\
      .pos{fill:#1a7f37}.whisker{stroke:#1d232a;stroke-width:1.5}.method{font-size:.88em;color:#57606a}
      @media print{body{max-width:none;padding:0;font-size:11pt}a{color:inherit;text-decoration:none}\
      h2{break-after:avoid}section,table,svg,blockquote{break-inside:avoid}.summary{background:none}}
      """;

  private ReportHtml() {}

  static String render(WeeklyReport r) {
    StringBuilder html = new StringBuilder(32_768);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(Encode.forHtmlAttribute(ReportFormat.CONTENT_SECURITY_POLICY)).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Weekly report ").append(r.week()).append("</title><style>").append(CSS)
        .append("</style></head>\n<body>\n<h1>Weekly report ").append(r.week()).append("</h1><p class=\"sub\">")
        .append(r.start()).append(" to ").append(r.end()).append(r.complete() ? "" : " — the week is not over: partial figures")
        .append(" · generated ").append(r.generatedAt()).append("</p>\n<ul class=\"summary\">");
    r.summary().forEach(s -> html.append("<li>").append(Encode.forHtml(s)).append("</li>"));
    html.append("</ul>\n");
    overall(html, r.overall());
    html.append("<section><h2>Trend</h2><div class=\"charts\"><figure><figcaption>Net sentiment per week</figcaption>")
        .append(SvgCharts.sentimentTrend(r.trend())).append("</figure><figure><figcaption>Documents per week</figcaption>")
        .append(SvgCharts.volumeBars(r.trend())).append("</figure></div></section>\n");
    html.append("<section><h2>Highlights</h2>");
    for (Finding finding : r.findings()) {
      html.append("<h3>").append(Encode.forHtml(finding.headline())).append("</h3>");
      for (Quote quote : finding.quotes()) {
        html.append("<blockquote>“").append(Encode.forHtml(quote.text())).append("”<span class=\"by\">")
            .append(quote.sentiment().wireName()).append(" · <a href=\"").append(Encode.forHtmlAttribute(quote.page()))
            .append("\">").append(Encode.forHtml(quote.source() + "/" + quote.id())).append("</a> · <a href=\"")
            .append(Encode.forHtmlAttribute(quote.document())).append("\">JSON</a> · ")
            .append(quote.createdAt()).append("</span></blockquote>");
      }
    }
    if (r.findings().isEmpty()) {
      html.append("<p>No documents this week.</p>");
    }
    html.append("</section>\n<section><h2>Themes by sentiment</h2>").append(SvgCharts.themeSentiment(r.themesByVolume()))
        .append("</section>\n");
    groups(html, "Themes by volume", "theme", r.themesByVolume());
    groups(html, "Themes by change of net sentiment", "theme", r.themesByChange());
    emerging(html, r.emergingThemes());
    aspects(html, "Aspects praised", r.aspectsPraised());
    aspects(html, "Aspects criticised", r.aspectsCriticised());
    html.append("<section><h2>Brands</h2>").append(SvgCharts.brandComparison(r.brands())).append("</section>\n");
    groups(html, "Brands (share of voice)", "brand", r.brands());
    groups(html, "Sources", "source", r.sources());
    groups(html, "Kinds", "kind", r.kinds());
    if (!r.urgency().isEmpty()) {
      groups(html, "Tickets by urgency", "urgency", r.urgency());
    }
    r.classifications().forEach((name, labels) ->
        groups(html, "Classifier " + Encode.forHtml(name), Encode.forHtml(name), labels));
    html.append("<section class=\"method\"><h2>Method</h2><ul><li>Volume: ").append(Encode.forHtml(r.methods().volume()))
        .append("</li><li>Net sentiment: ").append(Encode.forHtml(r.methods().netSentiment()))
        .append("</li><li>Emerging themes: ").append(Encode.forHtml(r.methods().emerging()))
        .append("</li><li>Many comparisons: ").append(Encode.forHtml(r.methods().correction()))
        .append("; significant below ").append(r.methods().alpha()).append("</li></ul></section>\n</body></html>\n");
    return html.toString();
  }

  private static void overall(StringBuilder html, Overall o) {
    html.append("<section><h2>Volume and net sentiment</h2><table><tr><th></th><th class=\"n\">this week</th>")
        .append("<th class=\"n\">last week</th><th class=\"n\">4-week average</th><th>vs last week</th><th>vs 4 weeks</th></tr>")
        .append("<tr><td>documents</td><td class=\"n\">").append(o.volume()).append("</td><td class=\"n\">")
        .append(o.lastWeekVolume()).append("</td><td class=\"n\">").append(ReportNumbers.count(o.fourWeekAverageVolume()))
        .append("</td>").append(verdict(o.volumeVsLastWeek())).append(verdict(o.volumeVsFourWeekAverage()))
        .append("</tr><tr><td>net sentiment</td><td class=\"n\">").append(ReportNumbers.net(o.netSentiment().value()))
        .append(" <small>(").append(ReportNumbers.net(o.netSentiment().low())).append(" to ")
        .append(ReportNumbers.net(o.netSentiment().high())).append(")</small></td><td class=\"n\">")
        .append(ReportNumbers.net(o.lastWeekNetSentiment())).append("</td><td class=\"n\">")
        .append(ReportNumbers.net(o.fourWeekNetSentiment())).append("</td>").append(verdict(o.netSentimentVsLastWeek()))
        .append(verdict(o.netSentimentVsFourWeeks())).append("</tr></table></section>\n");
  }

  private static String verdict(WeeklyReport.Test test) {
    return "<td" + (test.significant() ? " class=\"sig\"" : "") + ">" + Encode.forHtml(ReportSummary.verdict(test))
        + "</td>";
  }

  private static void groups(StringBuilder html, String title, String column, List<GroupFigures> groups) {
    table(html, title, "<tr><th>" + column + "</th><th class=\"n\">documents</th><th class=\"n\">share</th>"
        + "<th class=\"n\">neg / neu / pos</th><th class=\"n\">net</th><th class=\"n\">last week</th><th>change</th></tr>",
        groups, g -> "<tr><td>" + Encode.forHtml(g.name()) + (Boolean.TRUE.equals(g.own()) ? " (own)" : "")
            + "</td><td class=\"n\">" + g.volume() + "</td><td class=\"n\">" + ReportNumbers.percent(g.share())
            + "</td><td class=\"n\">" + g.sentiment().negative() + " / " + g.sentiment().neutral() + " / "
            + g.sentiment().positive() + "</td><td class=\"n\">" + ReportNumbers.net(g.netSentiment().value())
            + "</td><td class=\"n\">" + ReportNumbers.net(g.lastWeekNetSentiment()) + "</td>"
            + verdict(g.netSentimentChange()) + "</tr>");
  }

  private static void emerging(StringBuilder html, List<EmergingTheme> themes) {
    table(html, "Emerging themes", "<tr><th>theme</th><th class=\"n\">documents</th><th class=\"n\">share</th>"
        + "<th class=\"n\">4 weeks before: weekly average</th><th class=\"n\">share</th><th>test</th></tr>", themes,
        e -> "<tr><td>" + Encode.forHtml(e.name()) + (e.isNew() ? " (new)" : "") + "</td><td class=\"n\">" + e.volume()
            + "</td><td class=\"n\">" + ReportNumbers.percent(e.share()) + "</td><td class=\"n\">"
            + ReportNumbers.count(e.baselineWeeklyAverage()) + "</td><td class=\"n\">"
            + ReportNumbers.percent(e.baselineShare()) + "</td>" + verdict(e.shareVsBaseline()) + "</tr>");
  }

  private static void aspects(StringBuilder html, String title, List<AspectFigures> aspects) {
    table(html, title, "<tr><th>aspect</th><th class=\"n\">mentions</th><th class=\"n\">neg / neu / pos</th>"
        + "<th class=\"n\">net</th></tr>", aspects, a -> "<tr><td>" + Encode.forHtml(a.term()) + "</td><td class=\"n\">"
        + a.volume() + "</td><td class=\"n\">" + a.sentiment().negative() + " / " + a.sentiment().neutral() + " / "
        + a.sentiment().positive() + "</td><td class=\"n\">" + ReportNumbers.net(a.netSentiment()) + "</td></tr>");
  }

  private static <T> void table(StringBuilder html, String title, String header, List<T> rows, Function<T, String> row) {
    html.append("<section><h2>").append(title).append("</h2>");
    if (rows.isEmpty()) {
      html.append("<p>None this week.</p></section>\n");
      return;
    }
    html.append("<table>").append(header);
    rows.forEach(r -> html.append(row.apply(r)));
    html.append("</table></section>\n");
  }
}
