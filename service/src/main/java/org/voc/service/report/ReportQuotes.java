package org.voc.service.report;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.voc.index.DocumentIndex;
import org.voc.index.IndexedDocument;
import org.voc.index.SearchRequest;
import org.voc.index.WeeklyCounts.Dimension;
import org.voc.nlp.Analysis;
import org.voc.nlp.AspectMention;
import org.voc.nlp.BrandMention;
import org.voc.nlp.SentenceAnalysis;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TextSpan;
import org.voc.nlp.ThemeMatch;
import org.voc.service.report.WeeklyReport.Quote;

/**
 * Picks the quotes behind a finding: the newest documents of the week with that sentiment toward
 * the subject, each quoted by the sentence that carries it (a theme's evidence, the sentence that
 * names the aspect or brand), as plain text: renderers escape it.
 */
final class ReportQuotes {

  static final int QUOTES = 3;
  static final int MAX_CHARS = 280;

  private ReportQuotes() {}

  static List<Quote> of(DocumentIndex index, IsoWeek week, Dimension dimension, String value, SentimentLabel label)
      throws IOException {
    SearchRequest request = SearchRequest.builder().from(week.start()).to(week.end()).build();
    return index.examples(request, dimension, value, label, QUOTES).stream()
        .map(document -> quote(document, dimension, value, label)).toList();
  }

  static Quote quote(IndexedDocument indexed, Dimension dimension, String value, SentimentLabel label) {
    String source = indexed.document().source();
    String id = indexed.document().id();
    String path = segment(source) + "/" + segment(id);
    return new Quote(source, id, indexed.document().createdAt(), label, cut(sentence(indexed, dimension, value)),
        "/v1/documents/" + path, "/#/documents/" + path);
  }

  /** A path segment: every character but unreserved ones percent-encoded (spaces as %20). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String sentence(IndexedDocument indexed, Dimension dimension, String value) {
    Analysis analysis = indexed.analysis();
    Integer at = switch (dimension) {
      case THEME -> analysis.themes().stream().filter(t -> t.name().equals(value) && !t.evidence().isEmpty())
          .map(ThemeMatch::evidence).map(List::getFirst).map(TextSpan::start).findFirst().orElse(null);
      case ASPECT -> analysis.aspects().stream()
          .filter(a -> a.term() != null && a.term().strip().toLowerCase(Locale.ROOT).equals(value))
          .map(AspectMention::start).findFirst().orElse(null);
      case BRAND -> analysis.brands().stream().filter(b -> b.name().equals(value) && !b.mentions().isEmpty())
          .map(BrandMention::mentions).map(List::getFirst).map(TextSpan::start).findFirst().orElse(null);
      default -> null;
    };
    if (at != null) {
      for (SentenceAnalysis sentence : analysis.sentences()) {
        if (sentence.start() <= at && at < sentence.end() && sentence.text() != null && !sentence.text().isBlank()) {
          return sentence.text();
        }
      }
    }
    String text = analysis.text();
    return text != null ? text : indexed.document().text();
  }

  /** Whitespace collapsed, at most {@link #MAX_CHARS} characters, cut at a word with an ellipsis. */
  static String cut(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= MAX_CHARS) {
      return flat;
    }
    int end = flat.lastIndexOf(' ', MAX_CHARS - 1);
    return flat.substring(0, end > MAX_CHARS / 2 ? end : MAX_CHARS - 1) + "\u2026";
  }
}
