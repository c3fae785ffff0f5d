package org.voc.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.voc.nlp.Analysis;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.BrandDefinition;
import org.voc.nlp.BrandMention;
import org.voc.nlp.Document;
import org.voc.nlp.SentenceAnalysis;
import org.voc.nlp.Sentiment;
import org.voc.nlp.Taxonomy;
import org.voc.nlp.TextSpan;
import org.voc.nlp.ThemeDefinition;
import org.voc.nlp.ThemeMatch;

/**
 * A fast, predictable stand-in for the CoreNLP analyzer, for tests about plumbing rather than
 * language: sentences end at '.', a sentence with "crash", "bad" or "refund" is negative, one with
 * "love" or "great" positive, others neutral. Counts its calls.
 */
public final class FakeAnalyzer implements Function<Document, AnalyzedDocument> {

  /** The fake encoder's vector length. */
  public static final int DIMENSION = 32;

  public final AtomicInteger calls = new AtomicInteger();

  private volatile Taxonomy taxonomy = Taxonomy.empty();

  /** What themes and brands to find from now on; {@code VocServer} hands it over at start-up. */
  public void setTaxonomy(Taxonomy value) {
    taxonomy = value;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  private volatile List<org.voc.nlp.TextClassifier> classifiers = List.of();

  /** What classifiers label documents from now on; the classifier API hands them over. */
  public void setClassifiers(List<org.voc.nlp.TextClassifier> value) {
    classifiers = List.copyOf(value);
  }

  /** Bag-of-words document vectors for training classifiers, and this analyzer's classifier slot. */
  public org.voc.service.classifiers.ClassifierHost classifierHost() {
    return new org.voc.service.classifiers.ClassifierHost(new org.voc.nlp.ClassifierTrainer.DocumentVectors() {
      @Override
      public String encoder() {
        return ENCODER;
      }

      @Override
      public float[][] vectors(List<String> texts, java.util.function.LongConsumer progress) {
        float[][] out = texts.stream().map(t -> embed(t.strip())).toArray(float[][]::new);
        progress.accept(texts.size());
        return out;
      }
    }, this::setClassifiers);
  }

  /** The name of the fake encoder, recorded by classifiers trained on its vectors. */
  public static final String ENCODER = "fake-words";

  @Override
  public AnalyzedDocument apply(Document document) {
    calls.incrementAndGet();
    Analysis analysis = analyze(document);
    return new AnalyzedDocument(analysis, embed(analysis.text()));
  }

  /**
   * A bag-of-words vector: each lower-cased word hashed into one of {@link #DIMENSION} slots,
   * normalized. Texts sharing words are near each other, which is all semantic-search plumbing
   * tests need.
   */
  public static float[] embed(String text) {
    float[] vector = new float[DIMENSION];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
      }
    }
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    if (norm == 0) {
      vector[0] = 1;
      return vector;
    }
    for (int i = 0; i < DIMENSION; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  private Analysis analyze(Document document) {
    String text = document.text().strip();
    List<SentenceAnalysis> sentences = new ArrayList<>();
    int start = 0;
    double neg = 0;
    double neu = 0;
    double pos = 0;
    while (start < text.length()) {
      int end = text.indexOf('.', start);
      end = end < 0 ? text.length() : end + 1;
      String sentence = text.substring(start, end);
      Sentiment sentiment = sentiment(sentence);
      double weight = sentence.length();
      neg += weight * sentiment.probabilities().negative();
      neu += weight * sentiment.probabilities().neutral();
      pos += weight * sentiment.probabilities().positive();
      sentences.add(new SentenceAnalysis(start, end, sentence, sentiment));
      start = end;
      while (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
    }
    double total = Math.max(1e-9, neg + neu + pos);
    Sentiment overall = sentences.isEmpty()
        ? Sentiment.fromProbabilities(new Sentiment.Probabilities(0, 1, 0), List.of())
        : Sentiment.fromProbabilities(new Sentiment.Probabilities(neg / total, neu / total, pos / total), List.of());
    return new Analysis(text, "en", overall, sentences, keyPhrases(text), false, Instant.parse("2026-11-20T00:00:00Z"),
        Map.of("fake", "1")).withInsights(themes(sentences), List.of(), brands(sentences))
        .withClassifications(classify(text, document.kind()));
  }

  private Map<String, org.voc.nlp.Classification> classify(String text, org.voc.nlp.DocumentKind kind) {
    Map<String, org.voc.nlp.Classification> out = new java.util.LinkedHashMap<>();
    for (org.voc.nlp.TextClassifier classifier : classifiers) {
      if (classifier.appliesTo(kind)) {
        out.put(classifier.name(), classifier.classify(embed(text)));
      }
    }
    return out;
  }

  private List<ThemeMatch> themes(List<SentenceAnalysis> sentences) {
    List<ThemeMatch> themes = new ArrayList<>();
    for (ThemeDefinition theme : taxonomy.themes()) {
      List<String> cues = new ArrayList<>(theme.examples());
      cues.add(theme.name());
      sentences.stream().filter(s -> containsAny(s.text(), cues)).findFirst().ifPresent(s ->
          themes.add(new ThemeMatch(theme.name(), 0.9, s.sentiment(), List.of(new TextSpan(s.start(), s.end(), s.text())))));
    }
    return themes;
  }

  private List<BrandMention> brands(List<SentenceAnalysis> sentences) {
    List<BrandMention> brands = new ArrayList<>();
    for (BrandDefinition brand : taxonomy.brands()) {
      List<String> cues = new ArrayList<>(brand.aliases());
      cues.add(brand.name());
      sentences.stream().filter(s -> containsAny(s.text(), cues)).findFirst().ifPresent(s ->
          brands.add(new BrandMention(brand.name(), brand.own(), List.of(new TextSpan(s.start(), s.end(), s.text())),
              s.sentiment())));
    }
    return brands;
  }

  private static boolean containsAny(String text, List<String> cues) {
    String lower = text.toLowerCase(Locale.ROOT);
    return cues.stream().anyMatch(cue -> lower.contains(cue.toLowerCase(Locale.ROOT)));
  }

  private static List<String> keyPhrases(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.length() >= 6) {
        words.add(word);
      }
    }
    return List.copyOf(words);
  }

  private static Sentiment sentiment(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    Sentiment.Probabilities p;
    if (lower.contains("crash") || lower.contains("bad") || lower.contains("refund")) {
      p = new Sentiment.Probabilities(0.8, 0.15, 0.05);
    } else if (lower.contains("love") || lower.contains("great")) {
      p = new Sentiment.Probabilities(0.05, 0.15, 0.8);
    } else {
      p = new Sentiment.Probabilities(0.1, 0.8, 0.1);
    }
    return Sentiment.fromProbabilities(p, List.of(new Sentiment.ModelOutput("fake", "1", p.argmax().wireName(), Map.of())));
  }
}
