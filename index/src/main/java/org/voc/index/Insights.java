package org.voc.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.voc.nlp.SentimentLabel;

/**
 * Themes and brands of the documents that match a search's keywords and filters, counted from doc
 * values in one pass over the matches (no document is loaded except the few examples).
 *
 * @param total the matching documents
 * @param themes every theme found in them, largest volume first (ties by name)
 * @param brands every brand they carry (their own {@code brand} field or a mention), largest first
 */
public record Insights(long total, List<Group> themes, List<Group> brands) {

  public Insights {
    themes = List.copyOf(themes);
    brands = List.copyOf(brands);
  }

  /**
   * The figures of one theme or brand.
   *
   * @param volume matching documents about the theme, or carrying the brand
   * @param share {@code volume} over all matches (themes), or over the summed volume of every brand
   *     listed (brands: share of voice)
   * @param sentiment documents per sentiment label: toward the theme (the theme's own sentiment),
   *     or toward the brand (the mention's, else the document's)
   * @param netSentiment (positive - negative) / volume, in [-1, 1]; 0 when the volume is 0
   * @param trend per ISO week (UTC) from the first to the last week with a document, oldest first
   * @param keyPhrases the most frequent key phrases of these documents
   * @param examples the most recent documents, snippet from the evidence (themes) or the sentence
   *     that names the brand (brands), HTML-escaped
   * @param themes brands only: the brand's documents per theme, with the theme's sentiment;
   *     {@code share} is of the brand's volume
   * @param classifications per classifier name, its 5 most frequent labels among these documents
   *     ({@code ?uncertain} for the documents it was not sure about), with the sentiment of {@code
   *     sentiment}; null when no document has a classifier output
   * @param urgency documents per urgency level ({@code high}, {@code normal}, {@code low}, in that
   *     order); null when none has one
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Group(
      String name,
      long volume,
      double share,
      SentimentCounts sentiment,
      double netSentiment,
      List<WeekSentiment> trend,
      List<PhraseCount> keyPhrases,
      List<Example> examples,
      List<Group> themes,
      Map<String, List<LabelCount>> classifications,
      Map<String, Long> urgency) {

    /** A group without classifier or urgency breakdown. */
    public Group(String name, long volume, double share, SentimentCounts sentiment, double netSentiment,
        List<WeekSentiment> trend, List<PhraseCount> keyPhrases, List<Example> examples, List<Group> themes) {
      this(name, volume, share, sentiment, netSentiment, trend, keyPhrases, examples, themes, null, null);
    }

    /** This group with only {@code classifier}'s labels in its breakdown. */
    public Group onlyClassifier(String classifier) {
      List<LabelCount> labels = classifications == null ? null : classifications.get(classifier);
      return new Group(name, volume, share, sentiment, netSentiment, trend, keyPhrases, examples, themes,
          labels == null ? null : Map.of(classifier, labels), urgency);
    }
  }

  /**
   * A classifier label among a group's documents.
   *
   * @param share {@code count} over the group's volume
   * @param netSentiment (positive - negative) / count, with the group's sentiment (toward the theme
   *     or the brand)
   */
  public record LabelCount(String label, long count, double share, double netSentiment) {}

  /** Documents per sentiment label. */
  public record SentimentCounts(long negative, long neutral, long positive) {

    /** All three together. */
    public long total() {
      return negative + neutral + positive;
    }

    /** (positive - negative) / total, 0 for no documents. */
    public double net() {
      long n = total();
      return n == 0 ? 0 : (positive - negative) / (double) n;
    }

    /** The count of {@code label}. */
    public long of(SentimentLabel label) {
      return switch (label) {
        case NEGATIVE -> negative;
        case NEUTRAL -> neutral;
        case POSITIVE -> positive;
      };
    }
  }

  /** One ISO week ({@code 2026-W47}, starting on Monday {@code start}) of a trend. */
  public record WeekSentiment(String week, LocalDate start, long volume, double netSentiment) {}

  /** A key phrase and how many documents of the group have it. */
  public record PhraseCount(String phrase, long count) {}

  /** A document behind a figure: its key, when, its sentiment, and an HTML-escaped snippet. */
  public record Example(
      String source, String id, Instant createdAt, SentimentLabel sentiment, String snippet) {}
}
