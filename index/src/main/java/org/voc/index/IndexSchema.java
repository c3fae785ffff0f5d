package org.voc.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.voc.nlp.Analysis;
import org.voc.nlp.AspectMention;
import org.voc.nlp.BrandMention;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.ThemeMatch;
import org.voc.nlp.VocJson;

/**
 * How an {@link IndexedDocument} is laid out in Lucene: the one place that knows the field names.
 *
 * <p>The whole document is stored once as JSON, so {@code get} and hits are rebuilt from exactly
 * what was put; every other field exists only to be searched, filtered, counted or sorted on.
 */
final class IndexSchema {

  /** {@link DocumentKey#encoded()}: terms for update/delete/get, doc values for the tie-break sort. */
  static final String KEY = "key";

  /** The whole {@link IndexedDocument} as UTF-8 JSON. */
  static final String JSON = "json";

  /** The cleaned text: analyzed, stored (the highlighter reads it), postings with offsets. */
  static final String TEXT = "text";

  /** The title, if any: indexed like {@link #TEXT}. */
  static final String TITLE = "title";

  static final String KIND = "kind";
  static final String SOURCE = "source";
  static final String BRAND = "brand";
  static final String SENTIMENT = "sentiment";
  static final String THEME = "theme";

  /** A ticket's urgency level ({@code low}, {@code normal}, {@code high}): a keyword field like {@link #THEME}. */
  static final String URGENCY = "urgency";

  /**
   * Per classifier output of the analysis, {@code name:label} ({@code name:}{@link
   * SearchRequest#UNCERTAIN} when the classifier was not sure): one multi-valued keyword field,
   * for filters and facets grouped by classifier name.
   */
  static final String CLASSIFICATION = "classification";

  /**
   * Per theme of the analysis, {@code name + SEPARATOR + label}: the sentiment of the text about
   * that theme (the document's when the theme has none). Sorted-set doc values only, for
   * aggregations.
   */
  static final String THEME_SENTIMENT = "themeSentiment";

  /**
   * Per brand of the document (its {@code brand} field and every brand it mentions), {@code name +
   * SEPARATOR + label}: the sentiment toward the brand where it is mentioned, else the document's.
   */
  static final String BRAND_SENTIMENT = "brandSentiment";

  /** Aspect terms, lower-cased: a keyword field (filters, examples) like {@link #THEME}. */
  static final String ASPECT = "aspect";

  /**
   * Per aspect term of the analysis, {@code term + SEPARATOR + label}: the polarity toward the
   * aspect (several mentions of one term: the sign of their summed polarities). Sorted-set doc
   * values only, for aggregations.
   */
  static final String ASPECT_SENTIMENT = "aspectSentiment";

  /** The key phrases, lower-cased, as sorted-set doc values (top phrases per theme and brand). */
  static final String KEY_PHRASE = "keyPhrase";

  /** Between a name and a sentiment label in {@link #THEME_SENTIMENT} and {@link #BRAND_SENTIMENT}. */
  static final char SEPARATOR = '\u001f';

  // Longer key phrases (and aspect terms) are not counted: they are sentences, not phrases.
  private static final int MAX_KEY_PHRASE_CHARS = 100;

  /**
   * The document's embedding, L2-normalized, in an HNSW graph scored by dot product (so cosine);
   * absent when the document has none. Never stored: it is only searched.
   */
  static final String EMBEDDING = "embedding";

  /** Epoch millis: points for range filters, numeric doc values for sorting and the histogram. */
  static final String CREATED_AT = "createdAt";

  /** The rating on the 0-5 scale, as a point for range filters. */
  static final String RATING = "rating";

  /** Facet dimensions in the order results list them; each is a keyword field of that name. */
  static final List<String> FACET_DIMENSIONS = List.of(KIND, SOURCE, BRAND, SENTIMENT, THEME, URGENCY);

  // Offsets in the postings let the UnifiedHighlighter skip re-analyzing every hit's text.
  private static final FieldType TEXT_TYPE = textType();

  private IndexSchema() {}

  /** The term that identifies the document with this key. */
  static Term keyTerm(DocumentKey key) {
    return new Term(KEY, key.encoded());
  }

  /** The Lucene document for {@code indexed}, without an embedding. */
  static Document toLucene(IndexedDocument indexed) throws IOException {
    return toLucene(indexed, null);
  }

  /** The Lucene document for {@code indexed}, with {@code unitEmbedding} unless it is null. */
  static Document toLucene(IndexedDocument indexed, float[] unitEmbedding) throws IOException {
    org.voc.nlp.Document document = indexed.document();
    Document lucene = new Document();
    lucene.add(new KeywordField(KEY, indexed.key().encoded(), Field.Store.NO));
    lucene.add(new StoredField(JSON, new BytesRef(VocJson.mapper().writeValueAsBytes(indexed))));
    lucene.add(new Field(TEXT, textOf(indexed), TEXT_TYPE));
    if (document.title() != null) {
      lucene.add(new Field(TITLE, document.title(), TEXT_TYPE));
    }
    addKeyword(lucene, KIND, document.kind().wireName());
    addKeyword(lucene, SOURCE, document.source());
    Sentiment overall = indexed.analysis().sentiment();
    if (overall != null) {
      addKeyword(lucene, SENTIMENT, overall.label().wireName());
    }
    addThemes(lucene, indexed.analysis(), overall);
    addBrands(lucene, document.brand(), indexed.analysis(), overall);
    addKeyPhrases(lucene, indexed.analysis().keyPhrases());
    if (indexed.analysis().urgency() != null) {
      addKeyword(lucene, URGENCY, indexed.analysis().urgency().level());
    }
    indexed.analysis().classifications().forEach((name, output) -> addKeyword(lucene, CLASSIFICATION,
        classification(name, output.label() == null || output.uncertain() ? SearchRequest.UNCERTAIN : output.label())));
    addAspects(lucene, indexed.analysis().aspects());
    if (unitEmbedding != null) {
      lucene.add(
          new KnnFloatVectorField(EMBEDDING, unitEmbedding, VectorSimilarityFunction.DOT_PRODUCT));
    }
    long createdAt = epochMillis(indexed);
    lucene.add(new LongPoint(CREATED_AT, createdAt));
    lucene.add(new NumericDocValuesField(CREATED_AT, createdAt));
    Double rating = document.ratingOutOfFive();
    if (rating != null && !rating.isNaN()) {
      lucene.add(new DoublePoint(RATING, rating));
    }
    return lucene;
  }

  /** The stored document, read back from its JSON. */
  static IndexedDocument fromStored(Document stored) throws IOException {
    BytesRef json = stored.getBinaryValue(JSON);
    if (json == null) {
      throw new IOException("stored document has no " + JSON + " field");
    }
    return VocJson.mapper().readValue(json.bytes, json.offset, json.length, IndexedDocument.class);
  }

  /**
   * What a search hit shows of a stored document: the document and its overall sentiment, read
   * from the stored JSON without building the rest of the analysis (sentences, aspects, vectors of
   * a long text are most of the JSON and no part of a hit).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HitView(org.voc.nlp.Document document, HitAnalysis analysis) {

    /** The searched text, as {@link IndexSchema#textOf} gives it. */
    String text() {
      return analysis != null && analysis.text() != null ? analysis.text() : document.text();
    }

    Sentiment sentiment() {
      return analysis == null ? null : analysis.sentiment();
    }
  }

  /** The part of the stored analysis a hit shows. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HitAnalysis(String text, Sentiment sentiment) {}

  /** The stored document as a search hit shows it. */
  static HitView hitFromStored(Document stored) throws IOException {
    BytesRef json = stored.getBinaryValue(JSON);
    if (json == null) {
      throw new IOException("stored document has no " + JSON + " field");
    }
    return VocJson.mapper().readValue(json.bytes, json.offset, json.length, HitView.class);
  }

  /** The text that is searched and highlighted: the cleaned text, else what the client sent. */
  static String textOf(IndexedDocument indexed) {
    String cleaned = indexed.analysis().text();
    return cleaned != null ? cleaned : indexed.document().text();
  }

  private static void addThemes(Document lucene, Analysis analysis, Sentiment overall) {
    Set<String> seen = new HashSet<>();
    for (ThemeMatch theme : analysis.themes()) {
      if (theme.name() != null && !theme.name().isBlank() && seen.add(theme.name())) {
        addKeyword(lucene, THEME, theme.name());
        addLabelled(lucene, THEME_SENTIMENT, theme.name(), theme.sentiment(), overall);
      }
    }
  }

  /** The document's own brand and every mentioned brand, once each, with the sentiment toward it. */
  private static void addBrands(Document lucene, String ownBrand, Analysis analysis, Sentiment overall) {
    Map<String, Sentiment> brands = new LinkedHashMap<>();
    for (BrandMention mention : analysis.brands()) {
      if (mention.name() != null && !mention.name().isBlank()) {
        brands.putIfAbsent(mention.name(), mention.sentiment() != null ? mention.sentiment() : overall);
      }
    }
    if (ownBrand != null && !ownBrand.isBlank()) {
      brands.putIfAbsent(ownBrand, overall);
    }
    brands.forEach((name, sentiment) -> {
      addKeyword(lucene, BRAND, name);
      addLabelled(lucene, BRAND_SENTIMENT, name, sentiment, overall);
    });
  }

  private static void addLabelled(
      Document lucene, String field, String name, Sentiment sentiment, Sentiment overall) {
    Sentiment chosen = sentiment != null ? sentiment : overall;
    SentimentLabel label = chosen == null ? SentimentLabel.NEUTRAL : chosen.label();
    lucene.add(new SortedSetDocValuesField(field, new BytesRef(labelled(name, label))));
  }

  /** {@code name} and {@code label} as one doc value of {@link #THEME_SENTIMENT} or {@link #BRAND_SENTIMENT}. */
  static String labelled(String name, SentimentLabel label) {
    return name + SEPARATOR + label.wireName();
  }

  private static void addKeyPhrases(Document lucene, List<String> keyPhrases) {
    Set<String> seen = new HashSet<>();
    for (String phrase : keyPhrases) {
      String normalized = phrase == null ? "" : phrase.strip().toLowerCase(Locale.ROOT);
      if (!normalized.isEmpty() && normalized.length() <= MAX_KEY_PHRASE_CHARS && seen.add(normalized)) {
        lucene.add(new SortedSetDocValuesField(KEY_PHRASE, new BytesRef(normalized)));
      }
    }
  }

  /** Each aspect term once, lower-cased, with the sign of its mentions' summed polarities. */
  private static void addAspects(Document lucene, List<AspectMention> aspects) {
    Map<String, Integer> polarity = new LinkedHashMap<>();
    for (AspectMention aspect : aspects) {
      String term = aspect.term() == null ? "" : aspect.term().strip().toLowerCase(Locale.ROOT);
      if (!term.isEmpty() && term.length() <= MAX_KEY_PHRASE_CHARS) {
        int vote = aspect.polarity() == null ? 0 : switch (aspect.polarity()) {
          case NEGATIVE -> -1;
          case NEUTRAL -> 0;
          case POSITIVE -> 1;
        };
        polarity.merge(term, vote, Integer::sum);
      }
    }
    polarity.forEach((term, sum) -> {
      addKeyword(lucene, ASPECT, term);
      SentimentLabel label = sum > 0 ? SentimentLabel.POSITIVE : sum < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
      lucene.add(new SortedSetDocValuesField(ASPECT_SENTIMENT, new BytesRef(labelled(term, label))));
    });
  }

  /** A classifier's output as one {@link #CLASSIFICATION} value. */
  static String classification(String name, String label) {
    return name + ':' + label;
  }

  private static void addKeyword(Document lucene, String field, String value) {
    if (value != null) {
      lucene.add(new KeywordField(field, value, Field.Store.NO));
    }
  }

  private static long epochMillis(IndexedDocument indexed) {
    try {
      return indexed.document().createdAt().toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "createdAt out of range: " + indexed.document().createdAt(), e);
    }
  }

  private static FieldType textType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
