package org.voc.nlp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voc.models.CoreNlpPipeline;

/**
 * Text to {@link Analysis}: clean, split and parse with CoreNLP, score each sentence with the
 * {@link SentimentModel}, average the sentences into the document's sentiment (weighted by length,
 * so a long complaint outweighs a short "Thanks."), and pick key phrases. Holds no per-call state,
 * so one instance serves every worker thread.
 */
public final class DocumentAnalyzer {

  /** The only language voc has models for. */
  public static final String ENGLISH = "en";

  private final TextParser parser;
  private final SentimentModel sentiment;
  private final AnalyzerSettings settings;
  private final Clock clock;
  private final Map<String, String> modelVersions;

  public DocumentAnalyzer(
      CoreNlpPipeline pipeline, SentimentModel sentiment, AnalyzerSettings settings, Clock clock) {
    this.parser = new TextParser(pipeline, settings.maxChars(), settings.maxSentences());
    this.sentiment = sentiment;
    this.settings = settings;
    this.clock = clock;
    Map<String, String> versions = new LinkedHashMap<>(pipeline.modelVersions());
    versions.putIfAbsent(sentiment.name(), sentiment.version());
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
    String lang = doc.lang() == null || doc.lang().isBlank() ? ENGLISH : doc.lang().strip();
    return analyzeCleaned(TextCleaner.clean(doc.text()), lang.toLowerCase(Locale.ROOT));
  }

  /** Analyzes {@code text}, plain or HTML, as English. */
  public Analysis analyzeText(String text) {
    return analyzeCleaned(TextCleaner.clean(text), ENGLISH);
  }

  public AnalyzerSettings settings() {
    return settings;
  }

  /** What every analysis from this analyzer was produced by. */
  public Map<String, String> modelVersions() {
    return modelVersions;
  }

  private Analysis analyzeCleaned(String text, String language) {
    if (text.isEmpty()) {
      return analysis(text, language, SentimentAverage.NEUTRAL, List.of(), List.of(), false);
    }
    ParsedText parsed = parser.parse(text);
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
    List<String> keyPhrases = KeyPhrases.extract(parsed, settings.maxKeyPhrases());
    return analysis(text, language, document, sentences, keyPhrases, parsed.truncated());
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
