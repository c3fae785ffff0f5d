package org.voc.models;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP pipeline voc runs: tokenize, ssplit, pos, parse (shift-reduce), sentiment. Loading
 * takes seconds and hundreds of megabytes, so a process builds one and shares it; {@link #split}
 * and {@link #parse} may be called from several threads at once, each with its own annotation.
 *
 * <p>The work comes in two steps so that a caller can drop sentences it will not analyze (a huge
 * text) before paying for parsing them, and so that over-long sentences can be cut into pieces in
 * between: a flat, unparsed sentence would otherwise get a sentiment computed over no structure.
 */
public final class CoreNlpPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpPipeline.class);

  private final CoreNlpSettings settings;
  private final StanfordCoreNLP splitter;
  private final StanfordCoreNLP analyzer;
  private final Duration loadTime;

  private CoreNlpPipeline(
      CoreNlpSettings settings, StanfordCoreNLP splitter, StanfordCoreNLP analyzer, Duration load) {
    this.settings = settings;
    this.splitter = splitter;
    this.analyzer = analyzer;
    this.loadTime = load;
  }

  /** Loads every model from the classpath; throws if one is missing. */
  public static CoreNlpPipeline load(CoreNlpSettings settings) {
    long start = System.nanoTime();
    Properties props = properties(settings);
    StanfordCoreNLP splitter = new StanfordCoreNLP(withAnnotators(props, "tokenize,ssplit"));
    // The second half runs on annotations the first half made; requirements are checked by hand
    // here (pos needs tokens and sentences), since CoreNLP only checks within one pipeline.
    StanfordCoreNLP analyzer =
        new StanfordCoreNLP(withAnnotators(props, "pos,parse,sentiment"), false);
    Duration load = Duration.ofNanos(System.nanoTime() - start);
    CoreNlpPipeline pipeline = new CoreNlpPipeline(settings, splitter, analyzer, load);
    LOG.info(
        "CoreNLP {} loaded in {} ms: {}", version(), load.toMillis(), pipeline.modelVersions());
    return pipeline;
  }

  /**
   * Loads the tokenizer and sentence splitter only, for callers that never {@link #parse} (the
   * transformer-only analysis): no tagger, parser or sentiment model is read, which saves seconds
   * at start-up and their memory.
   */
  public static CoreNlpPipeline loadSplitter(CoreNlpSettings settings) {
    long start = System.nanoTime();
    StanfordCoreNLP splitter = new StanfordCoreNLP(withAnnotators(properties(settings), "tokenize,ssplit"));
    Duration load = Duration.ofNanos(System.nanoTime() - start);
    CoreNlpPipeline pipeline = new CoreNlpPipeline(settings, splitter, null, load);
    LOG.info("CoreNLP {} tokenizer and splitter loaded in {} ms", version(), load.toMillis());
    return pipeline;
  }

  /** Tokenizes and splits {@code text} into sentences of at most the configured token count. */
  public Annotation split(String text) {
    Annotation annotation = new Annotation(text);
    splitter.annotate(annotation);
    LongSentences.cut(annotation, settings.maxSentenceTokens());
    return annotation;
  }

  /**
   * Tags, parses and scores the sentiment of every sentence {@link #split} left in {@code
   * annotation}; each sentence then holds a parse tree, a binarized tree and a sentiment tree.
   */
  public void parse(Annotation annotation) {
    if (analyzer == null) {
      throw new IllegalStateException("this CoreNLP pipeline was loaded to split sentences only");
    }
    analyzer.annotate(annotation);
  }

  /** Whether {@link #parse} works: false for a pipeline from {@link #loadSplitter}. */
  public boolean parses() {
    return analyzer != null;
  }

  public CoreNlpSettings settings() {
    return settings;
  }

  public Duration loadTime() {
    return loadTime;
  }

  /** The CoreNLP release on the classpath, e.g. {@code 4.5.10}. */
  public static String version() {
    String version = StanfordCoreNLP.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  /** What produced an analysis: the CoreNLP release and the model file of each step it runs. */
  public Map<String, String> modelVersions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("corenlp", version());
    if (analyzer == null) {
      return Collections.unmodifiableMap(versions);
    }
    versions.put("pos", fileName(settings.posModel()));
    versions.put("parser", fileName(settings.parserModel()));
    versions.put("sentiment", fileName(settings.sentimentModel()));
    return Collections.unmodifiableMap(versions);
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  /** The only place where settings become CoreNLP's string-keyed properties. */
  public static Properties properties(CoreNlpSettings settings) {
    Properties props = new Properties();
    props.setProperty("tokenize.language", "en");
    props.setProperty("tokenize.options", settings.tokenizerOptions());
    // A single newline is often just wrapping; a blank line ends a paragraph and so a sentence.
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("pos.model", settings.posModel());
    props.setProperty("parse.model", settings.parserModel());
    // Sentiment runs over binarized trees; the parser saves them only when asked.
    props.setProperty("parse.binaryTrees", "true");
    // Longer sentences are cut before parsing; this is the parser's own safety net (it then
    // returns a flat tree instead of failing).
    props.setProperty("parse.maxlen", Integer.toString(settings.maxSentenceTokens()));
    // Dependency graphs cost time and nobody reads them.
    props.setProperty("parse.buildgraphs", "false");
    props.setProperty("sentiment.model", settings.sentimentModel());
    return props;
  }

  private static Properties withAnnotators(Properties base, String annotators) {
    Properties props = new Properties();
    props.putAll(base);
    props.setProperty("annotators", annotators);
    return props;
  }
}
