package org.voc.service.report;

import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;
import org.voc.index.Insights.SentimentCounts;
import org.voc.service.report.WeeklyReport.GroupFigures;
import org.voc.service.report.WeeklyReport.WeekFigures;

/**
 * The report's charts as inline SVG: fixed sizes, coordinates with one decimal in {@code
 * Locale.ROOT}, every label encoded, colours from CSS classes of the page ({@code neg}, {@code neu},
 * {@code pos}, {@code bar}, {@code line}, {@code axis}).
 */
final class SvgCharts {

  static final int WIDTH = 640;
  private static final int MAX_BARS = 10;

  private SvgCharts() {}

  /** Net sentiment per week as a line over a -1 to +1 axis, zero marked. */
  static String sentimentTrend(List<WeekFigures> weeks) {
    int height = 180;
    int left = 40;
    int top = 10;
    int plot = height - 40;
    StringBuilder svg = open("Net sentiment per week, from -1 to +1", height);
    double step = (WIDTH - left - 20) / (double) Math.max(1, weeks.size() - 1);
    for (double tick : new double[] {1, 0, -1}) {
      double y = top + (1 - tick) / 2 * plot;
      svg.append(line(left, y, WIDTH - 20, y, tick == 0 ? "axis zero" : "axis"))
          .append(text(left - 6, y + 4, "end", ReportNumbers.net(tick)));
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < weeks.size(); i++) {
      points.append(i == 0 ? "" : " ").append(n(left + i * step)).append(',')
          .append(n(top + (1 - weeks.get(i).netSentiment()) / 2 * plot));
    }
    svg.append("<polyline class=\"line\" points=\"").append(points).append("\"/>");
    for (int i = 0; i < weeks.size(); i++) {
      WeekFigures week = weeks.get(i);
      double x = left + i * step;
      if (week.volume() > 0) {
        svg.append("<circle class=\"dot\" cx=\"").append(n(x)).append("\" cy=\"")
            .append(n(top + (1 - week.netSentiment()) / 2 * plot)).append("\" r=\"3\"><title>")
            .append(Encode.forHtml(week.week() + ": " + ReportNumbers.net(week.netSentiment()))).append("</title></circle>");
      }
      if (i % 2 == (weeks.size() - 1) % 2) {
        svg.append(text(x, height - 8, "middle", week.week().substring(5)));
      }
    }
    return svg.append("</svg>").toString();
  }

  /** Documents per week as bars, each labelled with its count. */
  static String volumeBars(List<WeekFigures> weeks) {
    int height = 180;
    int plot = height - 50;
    long max = Math.max(1, weeks.stream().mapToLong(WeekFigures::volume).max().orElse(1));
    StringBuilder svg = open("Documents per week", height);
    double slot = (WIDTH - 20) / (double) Math.max(1, weeks.size());
    for (int i = 0; i < weeks.size(); i++) {
      WeekFigures week = weeks.get(i);
      double h = week.volume() / (double) max * plot;
      double x = 10 + i * slot;
      svg.append(rect(x + slot * 0.15, 20 + plot - h, slot * 0.7, h, i == weeks.size() - 1 ? "bar current" : "bar",
              week.week() + ": " + week.volume()))
          .append(text(x + slot / 2, 16 + plot - h, "middle", Long.toString(week.volume())))
          .append(text(x + slot / 2, height - 12, "middle", week.week().substring(5)));
    }
    return svg.append("</svg>").toString();
  }

  /** Each of the largest themes as a bar split into negative, neutral and positive documents. */
  static String themeSentiment(List<GroupFigures> themes) {
    List<GroupFigures> shown = themes.stream().filter(t -> t.volume() > 0).limit(MAX_BARS).toList();
    long max = Math.max(1, shown.stream().mapToLong(GroupFigures::volume).max().orElse(1));
    int height = 40 + shown.size() * 26;
    StringBuilder svg = open("Documents per theme by sentiment: negative, neutral, positive", height);
    int left = 170;
    String[] classes = {"neg", "neu", "pos"};
    for (int p = 0; p < 3; p++) {
      svg.append(rect(left + p * 90, 4, 10, 10, classes[p], labelOf(classes[p])))
          .append(text(left + p * 90 + 14, 13, "start", labelOf(classes[p])));
    }
    double scale = (WIDTH - left - 60) / (double) max;
    for (int i = 0; i < shown.size(); i++) {
      GroupFigures theme = shown.get(i);
      double y = 30 + i * 26;
      svg.append(text(left - 8, y + 14, "end", clip(theme.name())));
      double x = left;
      SentimentCounts c = theme.sentiment();
      long[] parts = {c.negative(), c.neutral(), c.positive()};
      for (int p = 0; p < 3; p++) {
        double w = parts[p] * scale;
        if (parts[p] > 0) {
          svg.append(rect(x, y, w, 18, classes[p], theme.name() + ": " + parts[p] + " " + labelOf(classes[p])));
        }
        x += w;
      }
      svg.append(text(x + 6, y + 14, "start", Long.toString(theme.volume())));
    }
    return svg.append("</svg>").toString();
  }

  /** Each brand's share of voice (bar) and net sentiment with its 95 % interval (on -1 to +1). */
  static String brandComparison(List<GroupFigures> brands) {
    List<GroupFigures> shown = brands.stream().filter(b -> b.volume() > 0).limit(MAX_BARS).toList();
    int height = 40 + shown.size() * 26;
    StringBuilder svg = open("Share of voice and net sentiment with 95 % interval per brand", height);
    int left = 150;
    int shareWidth = 180;
    double netLeft = left + shareWidth + 40;
    double netWidth = WIDTH - netLeft - 20;
    double zero = netLeft + netWidth / 2;
    svg.append(text(left, 14, "start", "share of voice"))
        .append(text(zero, 14, "middle", "net sentiment (-1 to +1)"))
        .append(line(zero, 20, zero, height - 6, "axis zero"));
    for (int i = 0; i < shown.size(); i++) {
      GroupFigures brand = shown.get(i);
      double y = 24 + i * 26;
      svg.append(text(left - 8, y + 14, "end", clip(brand.name())))
          .append(rect(left, y, brand.share() * shareWidth, 18, Boolean.TRUE.equals(brand.own()) ? "bar current" : "bar",
              brand.name() + ": " + ReportNumbers.percent(brand.share())))
          .append(text(left + brand.share() * shareWidth + 4, y + 14, "start", ReportNumbers.percent(brand.share())));
      double net = brand.netSentiment().value();
      double x = zero + Math.min(0, net) * netWidth / 2;
      svg.append(rect(x, y + 3, Math.abs(net) * netWidth / 2, 12, net < 0 ? "neg" : "pos",
              brand.name() + ": " + ReportNumbers.net(net)))
          .append(line(zero + brand.netSentiment().low() * netWidth / 2, y + 9,
              zero + brand.netSentiment().high() * netWidth / 2, y + 9, "whisker"));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\"><title>").append(Encode.forHtml(title)).append("</title>");
  }

  private static String rect(double x, double y, double w, double h, String cls, String title) {
    return "<rect class=\"" + cls + "\" x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(Math.max(0, w))
        + "\" height=\"" + n(Math.max(0, h)) + "\"><title>" + Encode.forHtml(title) + "</title></rect>";
  }

  private static String line(double x1, double y1, double x2, double y2, String cls) {
    return "<line class=\"" + cls + "\" x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\""
        + n(y2) + "\"/>";
  }

  private static String text(double x, double y, String anchor, String text) {
    return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\">" + Encode.forHtml(text)
        + "</text>";
  }

  private static String clip(String name) {
    return name.length() <= 24 ? name : name.substring(0, 23) + "\u2026";
  }

  private static String labelOf(String cls) {
    return switch (cls) {
      case "neg" -> "negative";
      case "neu" -> "neutral";
      default -> "positive";
    };
  }

  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
