package org.voc.nlp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.TextEncoder;

/**
 * Text to {@link Analysis}: clean, split and parse with CoreNLP, score each sentence with the
 * {@link SentimentModel}, average the sentences into the document's sentiment (weighted by length,
 * so a long complaint outweighs a short "Thanks."), and pick key phrases. The {@link
 * AnalysisPipeline#FAST} analyzer ({@link #fast}) splits without parsing and leaves out what needs
 * the parse. Holds no per-call state, so one instance serves every worker thread.
 */
public final class DocumentAnalyzer {

  /** The only language voc has models for. */
  public static final String ENGLISH = "en";

  private final AnalysisPipeline depth;
  private final TextParser parser;
  private final SentimentModel sentiment;
  private final AnalyzerSettings settings;
  private final Clock clock;
  private final Map<String, String> modelVersions;
  private final TextEncoder searchEncoder;
  private final InsightFinder insights;
  private final AtomicReference<Taxonomy> taxonomy = new AtomicReference<>(Taxonomy.defaults());
  private final AtomicReference<List<TextClassifier>> classifiers = new AtomicReference<>(List.of());

  /** A classifier of this name, trained on the user's own low/normal/high labels, joins the urgency rules. */
  public static final String URGENCY_CLASSIFIER = "urgency";
  private final AtomicReference<UrgencyRules> urgencyRules = new AtomicReference<>(UrgencyRules.defaults());

  public DocumentAnalyzer(
      CoreNlpPipeline pipeline, SentimentModel sentiment, AnalyzerSettings settings, Clock clock) {
    this(pipeline, sentiment, null, settings, clock);
  }

  /**
   * An analyzer that also gives each document a search vector from {@code searchEncoder} (null for
   * none); when the sentiment model uses the same encoder, its sentence vectors are reused.
   */
  public DocumentAnalyzer(CoreNlpPipeline pipeline, SentimentModel sentiment, TextEncoder searchEncoder,
      AnalyzerSettings settings, Clock clock) {
    this(pipeline, sentiment, searchEncoder, new InsightFinder(null, null, null), settings, clock);
  }

  /**
   * As above, finding themes, aspects and brands with {@code insights} (under {@link #taxonomy()}).
   */
  public DocumentAnalyzer(CoreNlpPipeline pipeline, SentimentModel sentiment, TextEncoder searchEncoder,
      InsightFinder insights, AnalyzerSettings settings, Clock clock) {
    this(AnalysisPipeline.FULL, pipeline, sentiment, searchEncoder, insights, settings, clock);
  }

  /**
   * The transformer-only analyzer ({@link AnalysisPipeline#FAST}): CoreNLP only splits sentences,
   * and one pass of {@code sentiment}'s encoder over them gives their sentiment, the vectors
   * {@code themes} reads (it must read the same encoder) and the document vector. Brands are matched
   * in the text; themes and brands get the sentiment of the sentences they are found in.
   */
  public static DocumentAnalyzer fast(CoreNlpPipeline pipeline, TransformerSentiment sentiment,
      ThemeDetector themes, AnalyzerSettings settings, Clock clock) {
    if (themes != null && !themes.encoder().name().equals(sentiment.encoder().name())) {
      throw new IllegalArgumentException("the theme detector reads " + themes.encoder().name()
          + " vectors, the sentiment model's encoder is " + sentiment.encoder().name());
    }
    return new DocumentAnalyzer(AnalysisPipeline.FAST, pipeline, sentiment, sentiment.encoder(),
        new InsightFinder(themes, null, null), settings, clock);
  }

  private DocumentAnalyzer(AnalysisPipeline depth, CoreNlpPipeline pipeline, SentimentModel sentiment,
      TextEncoder searchEncoder, InsightFinder insights, AnalyzerSettings settings, Clock clock) {
    if (depth == AnalysisPipeline.FULL && !pipeline.parses()) {
      throw new IllegalArgumentException("the full analysis parses, but this CoreNLP pipeline only splits");
    }
    this.depth = depth;
    this.searchEncoder = searchEncoder;
    this.insights = insights;
    this.parser = new TextParser(pipeline, settings.maxChars(), settings.maxSentences());
    this.sentiment = sentiment;
    this.settings = settings;
    this.clock = clock;
    Map<String, String> versions = new LinkedHashMap<>();
    if (depth == AnalysisPipeline.FULL) {
      versions.putAll(pipeline.modelVersions());
    } else { // only CoreNLP's tokenizer and splitter run; the entry says what was left out
      versions.put("corenlp", pipeline.modelVersions().get("corenlp"));
      versions.put("pipeline", depth.wireName());
    }
    versions.putIfAbsent(sentiment.name(), sentiment.version());
    if (searchEncoder != null) {
      versions.putIfAbsent("encoder", searchEncoder.name());
    }
    insights.modelVersions().forEach(versions::putIfAbsent);
    this.modelVersions = Collections.unmodifiableMap(versions);
  }

  /** An analyzer scoring sentiment with CoreNLP's own model. */
  public static DocumentAnalyzer withCoreNlpSentiment(
      CoreNlpPipeline pipeline, AnalyzerSettings settings, Clock clock) {
    return new DocumentAnalyzer(pipeline, CoreNlpSentiment.fromClasspath(), settings, clock);
  }

  /**
   * Analyzes the document's body text (its title is not part of it). A document that says it is in
   * another language is still analyzed with the English models, since there are no others yet, and
   * keeps its own language tag so that it can be found and re-analyzed once there are.
   */
  public Analysis analyze(Document doc) {
    return analyzeForIndex(doc).analysis();
  }

  /**
   * Analyzes the document and, with a search encoder, computes its search vector too; the result
   * says how long each {@link AnalysisStage} took.
   */
  public AnalyzedDocument analyzeForIndex(Document doc) {
    StageTimes times = new StageTimes();
    String text = TextCleaner.clean(doc.text());
    return finish(doc, text, split(text, times), times);
  }

  /**
   * {@link #analyzeForIndex} of each document, with one encoder pass over the sentences of them all:
   * the encoder batches sentences of similar length from many documents instead of one document's
   * one to eight, which is most of its speed. Each result is what {@link #analyzeForIndex} gives for
   * that document alone (the batch changes the padding only); the encoder pass's time is shared
   * among the documents' {@link AnalysisStage#SENTIMENT} times by their sentence counts.
   *
   * @throws RuntimeException when any document's analysis fails; analyze them one at a time then to
   *     find which
   */
  public List<AnalyzedDocument> analyzeForIndex(List<Document> docs) {
    List<StageTimes> times = new ArrayList<>(docs.size());
    List<String> texts = new ArrayList<>(docs.size());
    List<ParsedText> parsed = new ArrayList<>(docs.size());
    int sentences = 0;
    for (Document doc : docs) {
      StageTimes docTimes = new StageTimes();
      String text = TextCleaner.clean(doc.text());
      ParsedText split = split(text, docTimes);
      times.add(docTimes);
      texts.add(text);
      parsed.add(split);
      sentences += split == null ? 0 : split.sentences().size();
    }
    if (searchEncoder != null && docs.size() > 1) {
      long start = System.nanoTime();
      ParsedText.encodeTogether(parsed.stream().filter(Objects::nonNull).toList(), searchEncoder);
      long took = System.nanoTime() - start;
      for (int i = 0; i < docs.size(); i++) {
        int count = parsed.get(i) == null ? 0 : parsed.get(i).sentences().size();
        times.get(i).carry(AnalysisStage.SENTIMENT, sentences == 0 ? 0 : took * count / sentences);
      }
    }
    List<AnalyzedDocument> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      times.get(i).restart();
      out.add(finish(docs.get(i), texts.get(i), parsed.get(i), times.get(i)));
    }
    return out;
  }

  /** This analyzer's {@link #analyzeForIndex} for one document and for many. */
  public BatchAnalyzer forIndex() {
    return BatchAnalyzer.of(this::analyzeForIndex, this::analyzeForIndex);
  }

  /** Splits (fast) or parses (full) the cleaned text; null for an empty one. */
  private ParsedText split(String text, StageTimes times) {
    if (text.isEmpty()) {
      return null;
    }
    ParsedText parsed = depth == AnalysisPipeline.FULL ? parser.parse(text) : parser.split(text);
    times.lap(AnalysisStage.PARSE);
    return parsed;
  }

  /** The rest of the analysis of {@code doc}, whose cleaned text is {@code text}, split as {@code parsed}. */
  private AnalyzedDocument finish(Document doc, String text, ParsedText parsed, StageTimes times) {
    String lang = doc.lang() == null || doc.lang().isBlank() ? ENGLISH : doc.lang().strip();
    AnalyzedDocument analyzed = analyzeParsed(text, parsed, lang.toLowerCase(Locale.ROOT), doc.kind(), times);
    if (doc.kind() == DocumentKind.TICKET) {
      analyzed = withUrgency(analyzed, doc.title());
      times.lap(AnalysisStage.URGENCY);
    }
    return new AnalyzedDocument(analyzed.analysis(), analyzed.embedding(), times.taken);
  }

  /** Analyzes {@code text}, plain or HTML, as English. */
  public Analysis analyzeText(String text) {
    StageTimes times = new StageTimes();
    String cleaned = TextCleaner.clean(text);
    return analyzeParsed(cleaned, split(cleaned, times), ENGLISH, null, times).analysis();
  }

  /** The encoder that makes search vectors, if any: queries must be embedded with the same one. */
  public java.util.Optional<TextEncoder> searchEncoder() {
    return java.util.Optional.ofNullable(searchEncoder);
  }

  /** The themes and brands documents are analyzed for; the default themes and no brands at first. */
  public Taxonomy taxonomy() {
    return taxonomy.get();
  }

  /** Analyzes documents from now on for {@code value}'s themes and brands (already analyzed ones keep theirs). */
  public void setTaxonomy(Taxonomy value) {
    taxonomy.set(Objects.requireNonNull(value, "taxonomy"));
  }

  /** The user's classifiers every document of their kinds is labeled by; none at first. */
  public List<TextClassifier> classifiers() {
    return classifiers.get();
  }

  /**
   * Labels documents from now on with {@code value} (already analyzed ones keep their labels). Each
   * must read this analyzer's search encoder's vectors.
   */
  public void setClassifiers(List<TextClassifier> value) {
    for (TextClassifier classifier : value) {
      if (searchEncoder == null || !classifier.encoder().equals(searchEncoder.name())) {
        throw new IllegalArgumentException("classifier " + classifier.name() + " reads " + classifier.encoder()
            + " vectors, but this analyzer computes " + (searchEncoder == null ? "none" : searchEncoder.name()));
      }
    }
    classifiers.set(List.copyOf(value));
  }

  /**
   * The document vectors analysis would compute for {@code texts} (their cleaned sentences'
   * length-weighted mean vector), without parsing them: what classifiers are trained on.
   * {@code progress} receives counts of texts done.
   */
  public float[][] documentVectors(List<String> texts, java.util.function.LongConsumer progress) {
    if (searchEncoder == null) {
      throw new IllegalStateException("this analyzer has no encoder");
    }
    float[][] out = new float[texts.size()][];
    int chunk = 256;
    for (int from = 0; from < texts.size(); from += chunk) {
      List<String> sentences = new ArrayList<>();
      List<int[]> spans = new ArrayList<>(); // per text: first sentence, count
      List<Integer> lengths = new ArrayList<>();
      int to = Math.min(texts.size(), from + chunk);
      for (int i = from; i < to; i++) {
        String text = TextCleaner.clean(texts.get(i));
        List<Sentence> split = text.isEmpty() ? List.of() : parser.sentences(text);
        spans.add(new int[] {sentences.size(), split.size()});
        for (Sentence sentence : split) {
          sentences.add(sentence.text());
          lengths.add(sentence.length());
        }
      }
      float[][] vectors = searchEncoder.embed(sentences);
      for (int i = from; i < to; i++) {
        int[] span = spans.get(i - from);
        float[] mean = weightedMean(java.util.Arrays.copyOfRange(vectors, span[0], span[0] + span[1]),
            lengths.subList(span[0], span[0] + span[1]));
        out[i] = mean != null ? mean : new float[searchEncoder.dimension()];
      }
      progress.accept(to - from);
    }
    return out;
  }

  /** The rules a ticket's urgency is read with; {@link UrgencyRules#defaults()} at first. */
  public UrgencyRules urgencyRules() {
    return urgencyRules.get();
  }

  /** Reads tickets' urgency with {@code value} from now on (already analyzed ones keep theirs). */
  public void setUrgencyRules(UrgencyRules value) {
    urgencyRules.set(Objects.requireNonNull(value, "urgency rules"));
  }

  /** Whether documents get the whole analysis or the transformer-only one. */
  public AnalysisPipeline pipeline() {
    return depth;
  }

  public AnalyzerSettings settings() {
    return settings;
  }

  /** What every analysis from this analyzer was produced by. */
  public Map<String, String> modelVersions() {
    return modelVersions;
  }

  private AnalyzedDocument analyzeParsed(String text, ParsedText parsed, String language, DocumentKind kind,
      StageTimes times) {
    if (parsed == null) {
      return new AnalyzedDocument(
          analysis(text, language, SentimentAverage.NEUTRAL, List.of(), List.of(), false), null);
    }
    List<Sentiment> scores = sentiment.score(parsed);
    if (scores.size() != parsed.sentences().size()) {
      throw new IllegalStateException(
          sentiment.name()
              + " scored "
              + scores.size()
              + " of "
              + parsed.sentences().size()
              + " sentences");
    }
    List<SentenceAnalysis> sentences = new ArrayList<>(scores.size());
    List<Integer> lengths = new ArrayList<>(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      Sentence sentence = parsed.sentences().get(i);
      sentences.add(
          new SentenceAnalysis(sentence.start(), sentence.end(), sentence.text(), scores.get(i)));
      lengths.add(sentence.length());
    }
    Sentiment document = SentimentAverage.weighted(scores, lengths);
    times.lap(AnalysisStage.SENTIMENT);
    List<String> keyPhrases = KeyPhrases.extract(parsed, settings.maxKeyPhrases());
    Analysis analysis = insights.find(
        analysis(text, language, document, sentences, keyPhrases, parsed.truncated()), parsed, taxonomy.get());
    times.lap(AnalysisStage.INSIGHTS);
    float[] vector = searchVector(parsed, lengths);
    times.lap(AnalysisStage.VECTOR);
    analysis = analysis.withClassifications(classify(vector, kind));
    times.lap(AnalysisStage.CLASSIFIERS);
    return new AnalyzedDocument(analysis, vector);
  }

  /** The time taken by each stage of one analysis, measured from the end of the stage before. */
  private static final class StageTimes {
    final Map<AnalysisStage, Duration> taken = new EnumMap<>(AnalysisStage.class);
    private long since = System.nanoTime();

    void lap(AnalysisStage stage) {
      long now = System.nanoTime();
      taken.merge(stage, Duration.ofNanos(now - since), Duration::plus);
      since = now;
    }

    /** Counts {@code nanos} spent elsewhere (a pass shared with other documents) to {@code stage}. */
    void carry(AnalysisStage stage, long nanos) {
      taken.merge(stage, Duration.ofNanos(nanos), Duration::plus);
    }

    /** Starts the next lap now: the time since the last lap was this document's turn to wait. */
    void restart() {
      since = System.nanoTime();
    }
  }

  /**
   * A ticket's analysis with its urgency, read after its sentiment from the words of its subject
   * ("URGENT: account hacked") and text.
   */
  private AnalyzedDocument withUrgency(AnalyzedDocument analyzed, String title) {
    Analysis analysis = analyzed.analysis();
    String words = title == null || title.isBlank() ? analysis.text()
        : TextCleaner.clean(title) + ".\n" + analysis.text();
    Urgency urgency = urgencyRules.get().assess(words, analysis.sentiment())
        .withLearned(analysis.classifications().get(URGENCY_CLASSIFIER));
    return new AnalyzedDocument(analysis.withUrgency(urgency), analyzed.embedding());
  }

  /** Every classifier for {@code kind}'s output on the document vector; none without a vector. */
  private Map<String, Classification> classify(float[] vector, DocumentKind kind) {
    if (vector == null) {
      return Map.of();
    }
    Map<String, Classification> out = new LinkedHashMap<>();
    for (TextClassifier classifier : classifiers.get()) {
      if (classifier.appliesTo(kind)) {
        out.put(classifier.name(), classifier.classify(vector));
      }
    }
    return out;
  }

  /** The length-weighted mean of the sentence vectors, normalized; null without encoder or sentences. */
  private float[] searchVector(ParsedText parsed, List<Integer> lengths) {
    if (searchEncoder == null || parsed.sentences().isEmpty()) {
      return null;
    }
    return weightedMean(parsed.sentenceEmbeddings(searchEncoder), lengths);
  }

  /** The {@code lengths}-weighted mean of {@code vectors}, normalized; null when it is zero. */
  static float[] weightedMean(float[][] vectors, List<Integer> lengths) {
    if (vectors.length == 0) {
      return null;
    }
    float[] mean = new float[vectors[0].length];
    for (int i = 0; i < vectors.length; i++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += lengths.get(i) * vectors[i][d];
      }
    }
    double norm = 0;
    for (float v : mean) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return null;
    }
    for (int d = 0; d < mean.length; d++) {
      mean[d] /= (float) norm;
    }
    return mean;
  }

  private Analysis analysis(
      String text,
      String language,
      Sentiment sentiment,
      List<SentenceAnalysis> sentences,
      List<String> keyPhrases,
      boolean truncated) {
    return new Analysis(
        text,
        language,
        sentiment,
        sentences,
        keyPhrases,
        truncated,
        clock.instant(),
        modelVersions);
  }
}
