package org.voc.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Small documents for index tests, with analyses built directly (no NLP models needed). */
final class TestDocuments {

  /** A Monday: 2026-11-16, the start of ISO week 2026-W47. */
  static final Instant MONDAY_W47 = Instant.parse("2026-11-16T09:00:00Z");

  private TestDocuments() {}

  /** A review from source "shop", created {@link #MONDAY_W47}, neutral, no brand or rating. */
  static Builder doc(String id, String text) {
    return new Builder(id, text);
  }

  static Sentiment sentiment(SentimentLabel label) {
    Sentiment.Probabilities probabilities =
        switch (label) {
          case NEGATIVE -> new Sentiment.Probabilities(0.8, 0.15, 0.05);
          case NEUTRAL -> new Sentiment.Probabilities(0.1, 0.8, 0.1);
          case POSITIVE -> new Sentiment.Probabilities(0.05, 0.15, 0.8);
        };
    return Sentiment.fromProbabilities(probabilities, List.of());
  }

  /** Sets the fields tests vary; the rest keep the defaults above. */
  static final class Builder {
    private final String id;
    private final String text;
    private String source = "shop";
    private DocumentKind kind = DocumentKind.REVIEW;
    private String title;
    private String brand;
    private Double rating;
    private Double ratingMax;
    private Instant createdAt = MONDAY_W47;
    private SentimentLabel sentiment = SentimentLabel.NEUTRAL;
    private final List<ThemeMatch> themes = new ArrayList<>();
    private final List<BrandMention> mentions = new ArrayList<>();
    private final List<AspectMention> aspects = new ArrayList<>();
    private List<String> keyPhrases = List.of();

    private Builder(String id, String text) {
      this.id = id;
      this.text = text;
    }

    Builder source(String value) { source = value; return this; }
    Builder kind(DocumentKind value) { kind = value; return this; }
    Builder title(String value) { title = value; return this; }
    Builder brand(String value) { brand = value; return this; }
    Builder rating(double value, double outOf) { rating = value; ratingMax = outOf; return this; }
    Builder createdAt(Instant value) { createdAt = value; return this; }
    Builder sentiment(SentimentLabel value) { sentiment = value; return this; }
    Builder keyPhrases(String... values) { keyPhrases = List.of(values); return this; }

    /** A theme with this sentiment; {@code evidence} (part of the text, or null) is its evidence. */
    Builder theme(String name, SentimentLabel label, String evidence) {
      List<TextSpan> spans = new ArrayList<>();
      int at = evidence == null ? -1 : text.indexOf(evidence);
      if (at >= 0) {
        spans.add(TextSpan.of(text, at, at + evidence.length()));
      }
      themes.add(new ThemeMatch(name, 0.9, TestDocuments.sentiment(label), spans));
      return this;
    }

    /** A mention of {@code brand} (at its first occurrence in the text, if any) with this sentiment. */
    Builder mention(String brand, SentimentLabel label) {
      int at = text.indexOf(brand);
      List<TextSpan> spans = at < 0 ? List.of() : List.of(TextSpan.of(text, at, at + brand.length()));
      mentions.add(new BrandMention(brand, false, spans, label == null ? null : TestDocuments.sentiment(label)));
      return this;
    }

    /** An aspect term (at its first occurrence in the text, if any) with this polarity. */
    Builder aspect(String term, SentimentLabel polarity) {
      int at = Math.max(0, text.indexOf(term));
      aspects.add(new AspectMention(term, at, at + term.length(), polarity, 0.9, List.of()));
      return this;
    }

    IndexedDocument build() {
      Document document =
          new Document(id, source, kind, text, title, "someone", createdAt, rating, ratingMax,
              brand, null, null, "en", Map.of("channel", "web"));
      Sentiment overall = TestDocuments.sentiment(sentiment);
      Analysis analysis =
          new Analysis(
              text,
              "en",
              overall,
              List.of(new SentenceAnalysis(0, text.length(), text, overall)),
              keyPhrases,
              false,
              createdAt.plusSeconds(1),
              Map.of("sentiment", "test-1"))
              .withInsights(themes, aspects, mentions);
      return new IndexedDocument(document, analysis, "hash-" + id);
    }
  }
}
