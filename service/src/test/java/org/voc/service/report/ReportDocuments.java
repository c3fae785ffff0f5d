package org.voc.service.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voc.index.IndexedDocument;
import org.voc.nlp.Analysis;
import org.voc.nlp.AspectMention;
import org.voc.nlp.BrandMention;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentenceAnalysis;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TextSpan;
import org.voc.nlp.ThemeMatch;

/** Documents with analyses written by hand (one sentence each), for reports with known figures. */
public final class ReportDocuments {

  private ReportDocuments() {}

  public static Builder doc(String source, String id, String createdAt, SentimentLabel sentiment, String text) {
    return new Builder(source, id, Instant.parse(createdAt), sentiment, text);
  }

  static Sentiment sentiment(SentimentLabel label) {
    return Sentiment.fromProbabilities(switch (label) {
      case NEGATIVE -> new Sentiment.Probabilities(0.8, 0.15, 0.05);
      case NEUTRAL -> new Sentiment.Probabilities(0.1, 0.8, 0.1);
      case POSITIVE -> new Sentiment.Probabilities(0.05, 0.15, 0.8);
    }, List.of());
  }

  public static final class Builder {
    private final String source;
    private final String id;
    private final Instant createdAt;
    private final SentimentLabel sentiment;
    private final String text;
    private DocumentKind kind = DocumentKind.REVIEW;
    private String brand;
    private final List<ThemeMatch> themes = new ArrayList<>();
    private final List<AspectMention> aspects = new ArrayList<>();
    private final List<BrandMention> mentions = new ArrayList<>();

    Builder(String source, String id, Instant createdAt, SentimentLabel sentiment, String text) {
      this.source = source;
      this.id = id;
      this.createdAt = createdAt;
      this.sentiment = sentiment;
      this.text = text;
    }

    public Builder kind(DocumentKind value) { kind = value; return this; }
    public Builder brand(String value) { brand = value; return this; }

    public Builder theme(String name, SentimentLabel label) {
      themes.add(new ThemeMatch(name, 0.9, ReportDocuments.sentiment(label), List.of(TextSpan.of(text, 0, text.length()))));
      return this;
    }

    public Builder aspect(String term, SentimentLabel label) {
      int at = Math.max(0, text.indexOf(term));
      aspects.add(new AspectMention(term, at, at + term.length(), label, 0.9, List.of()));
      return this;
    }

    public Builder mention(String name, SentimentLabel label) {
      int at = Math.max(0, text.indexOf(name));
      mentions.add(new BrandMention(name, false, List.of(TextSpan.of(text, at, at + name.length())),
          ReportDocuments.sentiment(label)));
      return this;
    }

    private org.voc.nlp.Urgency urgency;
    private final Map<String, org.voc.nlp.Classification> classifications = new java.util.LinkedHashMap<>();

    public Builder urgency(String level) {
      urgency = new org.voc.nlp.Urgency(level, List.of());
      return this;
    }

    /** A classifier's output; a null label is an uncertain one. */
    public Builder classified(String classifier, String label) {
      classifications.put(classifier, new org.voc.nlp.Classification(label, label == null ? 0.3 : 0.9, label == null,
          List.of(new org.voc.nlp.Classification.Alternative(label == null ? "other" : label, label == null ? 0.3 : 0.9))));
      return this;
    }

    public IndexedDocument build() {
      Document document = new Document(id, source, kind, text, null, null, createdAt, null, null, brand, null, null,
          "en", Map.of());
      Sentiment overall = ReportDocuments.sentiment(sentiment);
      Analysis analysis = new Analysis(text, "en", overall, List.of(new SentenceAnalysis(0, text.length(), text, overall)),
          List.of(), false, createdAt, Map.of("sentiment", "test")).withInsights(themes, aspects, mentions)
          .withClassifications(classifications).withUrgency(urgency);
      return new IndexedDocument(document, analysis, "hash-" + id);
    }
  }
}
