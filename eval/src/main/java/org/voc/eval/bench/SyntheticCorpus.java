package org.voc.eval.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.voc.index.IndexedDocument;
import org.voc.nlp.Analysis;
import org.voc.nlp.AspectMention;
import org.voc.nlp.BrandMention;
import org.voc.nlp.Classification;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentenceAnalysis;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TextSpan;
import org.voc.nlp.ThemeMatch;
import org.voc.nlp.Urgency;

/**
 * Synthetic analyzed documents for the benchmarks, composed from templates: reviews, tickets and
 * posts about six brands, 1-8 sentences (log-normal, median 2), each sentence about one theme's
 * aspect with a sentiment; tickets carry an urgency and an intent. The analysis is what the
 * templates say (no model runs), and the embedding is the themes' and brand's directions plus
 * noise, so nearest neighbours share themes. Fixed seed: the same N gives the same documents.
 */
public final class SyntheticCorpus {

  /** Dimension of the embeddings (bge-small's). */
  public static final int DIMENSION = 384;
  public static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
  public static final Duration SPAN = Duration.ofDays(52 * 7);
  public static final List<String> BRANDS = List.of("acme", "globex", "initech", "umbrella", "hooli", "stark");
  static final String[] SOURCES = {"appstore", "zendesk", "twitter", "reddit", "web"};
  static final String[][] THEMES = {
      {"shipping", "delivery", "courier", "package", "tracking"},
      {"price", "price", "subscription", "fee", "discount"},
      {"support", "agent", "support team", "live chat", "hotline"},
      {"quality", "build", "material", "screen", "stitching"},
      {"usability", "app", "interface", "menu", "setup"},
      {"performance", "speed", "battery", "loading time", "sync"},
      {"billing", "invoice", "refund", "charge", "payment"},
      {"account", "login", "password", "profile", "two-factor code"}};
  private static final String[] POSITIVE = {"The %s was great.", "Really happy with the %s.",
      "The %s works perfectly and I love it.", "Honestly the %s exceeded my expectations.",
      "Five stars for the %s, fast and painless."};
  private static final String[] NEGATIVE = {"The %s was terrible.", "I am disappointed with the %s.",
      "The %s keeps failing and nobody helps.", "Worst %s I have dealt with in years.",
      "The %s is broken again after the update."};
  private static final String[] NEUTRAL = {"The %s was okay.", "I noticed the %s changed last week.",
      "The %s is about what I expected.", "Not sure what to think about the %s yet."};
  private static final String[] TICKET = {"Please fix the %s as soon as possible.",
      "My %s stopped working yesterday, can you help?", "I was charged twice and the %s shows nothing.",
      "Requesting an update on my %s issue, case still open."};
  private static final String[] POST = {"Anyone else having trouble with the %s?",
      "Just tried the new %s, thoughts below.", "Hot take: the %s is overrated."};
  private static final String[] URGENCY = {"low", "normal", "high"};
  private static final int INTENTS = 40;

  private final Random random;
  private final float[][] themeDirections;
  private final float[][] brandDirections;

  public SyntheticCorpus(long seed) {
    this.random = new Random(seed);
    this.themeDirections = directions(THEMES.length);
    this.brandDirections = directions(BRANDS.size());
  }

  /** A document and its embedding. */
  public record Generated(IndexedDocument document, float[] embedding) {}

  /** The {@code i}th of {@code size} documents; call in order 0, 1, ... for the fixed sequence. */
  public Generated next(int i, int size) {
    Instant at = START.plusMillis((long) (SPAN.toMillis() * (i + random.nextDouble()) / size));
    DocumentKind kind = kind();
    String brand = random.nextDouble() < 0.8 ? BRANDS.get(zipf(BRANDS.size())) : null;
    double negative = 0.25 + (brand == null ? 0 : BRANDS.indexOf(brand) * 0.04) + (kind == DocumentKind.TICKET ? 0.3 : 0);
    int sentenceCount = (int) Math.max(1, Math.min(8, Math.round(Math.exp(0.7 + 0.6 * random.nextGaussian()))));
    StringBuilder text = new StringBuilder();
    List<SentenceAnalysis> sentences = new ArrayList<>();
    Map<String, ThemeMatch> themes = new LinkedHashMap<>();
    List<AspectMention> aspects = new ArrayList<>();
    float[] embedding = noise(0.6f);
    int[] votes = new int[3];
    for (int s = 0; s < sentenceCount; s++) {
      int theme = zipf(THEMES.length);
      String aspect = THEMES[theme][1 + random.nextInt(THEMES[theme].length - 1)];
      SentimentLabel label = label(negative);
      votes[label.ordinal()]++;
      String sentence = String.format(java.util.Locale.ROOT, template(kind, label), brand != null && s == 0 ? brand + " " + aspect : aspect);
      int from = text.isEmpty() ? 0 : text.length() + 1;
      text.append(text.isEmpty() ? "" : " ").append(sentence);
      sentences.add(new SentenceAnalysis(from, text.length(), sentence, sentiment(label)));
      themes.putIfAbsent(THEMES[theme][0], new ThemeMatch(THEMES[theme][0], 0.8, sentiment(label),
          List.of(new TextSpan(from, text.length(), sentence))));
      aspects.add(new AspectMention(aspect, from, from + sentence.length(), label, 0.8, List.of()));
      add(embedding, themeDirections[theme]);
    }
    List<BrandMention> mentions = new ArrayList<>();
    if (brand != null) {
      add(embedding, brandDirections[BRANDS.indexOf(brand)]);
      int from = text.indexOf(brand);
      mentions.add(new BrandMention(brand, brand.equals("acme"), List.of(new TextSpan(from, from + brand.length(), brand)),
          sentiment(label(negative))));
    }
    String body = text.toString();
    SentimentLabel overall = majority(votes);
    Document document = new Document("b" + i, SOURCES[random.nextInt(SOURCES.length)], kind, body,
        null, null, at, null, null, brand, null, null, "en", null);
    Analysis analysis = new Analysis(body, "en", sentiment(overall), sentences,
        aspects.stream().map(AspectMention::term).distinct().toList(), false, at, Map.of("bench", "1"))
        .withInsights(List.copyOf(themes.values()), aspects, mentions);
    if (kind == DocumentKind.TICKET) {
      analysis = analysis.withUrgency(new Urgency(URGENCY[zipf(URGENCY.length)], List.of()))
          .withClassifications(Map.of("intent", new Classification("intent_" + zipf(INTENTS), 0.9, false, List.of())));
    }
    return new Generated(new IndexedDocument(document, analysis, "h" + i), embedding);
  }

  /** A query vector near theme {@code theme}'s documents. */
  public float[] queryVector(int theme) {
    float[] vector = noise(0.3f);
    add(vector, themeDirections[theme]);
    return vector;
  }

  private DocumentKind kind() {
    double r = random.nextDouble();
    return r < 0.6 ? DocumentKind.REVIEW : r < 0.85 ? DocumentKind.TICKET : DocumentKind.POST;
  }

  private String template(DocumentKind kind, SentimentLabel label) {
    String[] pool = kind == DocumentKind.TICKET && random.nextBoolean() ? TICKET
        : kind == DocumentKind.POST && random.nextBoolean() ? POST
        : switch (label) {
          case POSITIVE -> POSITIVE;
          case NEGATIVE -> NEGATIVE;
          case NEUTRAL -> NEUTRAL;
        };
    return pool[random.nextInt(pool.length)];
  }

  private SentimentLabel label(double negative) {
    double r = random.nextDouble();
    return r < negative ? SentimentLabel.NEGATIVE : r < negative + 0.25 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
  }

  private static SentimentLabel majority(int[] votes) {
    SentimentLabel best = SentimentLabel.NEUTRAL;
    for (SentimentLabel label : SentimentLabel.values()) {
      if (votes[label.ordinal()] > votes[best.ordinal()]) {
        best = label;
      }
    }
    return best;
  }

  /** The label with 0.8 of the probability, the rest split between the other two. */
  private static Sentiment sentiment(SentimentLabel label) {
    double[] p = {0.1, 0.1, 0.1};
    p[label.ordinal()] = 0.8;
    return Sentiment.fromProbabilities(new Sentiment.Probabilities(p[0], p[1], p[2]), List.of());
  }

  private float[][] directions(int n) {
    float[][] directions = new float[n][];
    for (int i = 0; i < n; i++) {
      directions[i] = noise(1f);
    }
    return directions;
  }

  private float[] noise(float scale) {
    float[] vector = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      vector[d] = (float) random.nextGaussian() * scale;
    }
    return vector;
  }

  private static void add(float[] to, float[] direction) {
    for (int d = 0; d < to.length; d++) {
      to[d] += direction[d];
    }
  }

  /** 0 .. n-1, value k with weight 1 / (k + 1): popular themes, brands and intents come first. */
  private int zipf(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
    return Math.min(n - 1, at >= 0 ? at : -at - 1);
  }
}
