package org.voc.service;

import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.OnnxTextEncoder;
import org.voc.nlp.AnalysisPipeline;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.AspectExtractor;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.CoreNlpSentiment;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.nlp.InsightFinder;
import org.voc.nlp.SentimentModel;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.ShippedThemes;
import org.voc.nlp.TargetSentimentModel;
import org.voc.nlp.TransformerSentiment;
import org.voc.service.classifiers.ClassifierHost;
import org.voc.service.classifiers.ClassifierRegistry;
import org.voc.service.config.ConfigException;
import org.voc.service.config.TaxonomyStore;
import org.voc.service.config.VocConfig;

/** Builds the document analyzer the configuration asks for, loading its models from the classpath. */
public final class Analyzers {

  private static final Logger LOG = LoggerFactory.getLogger(Analyzers.class);

  private Analyzers() {}

  /**
   * Themes, brands and aspects, each with the sentiment toward it, from the shipped models, the
   * first {@code targetModels} target models averaged.
   */
  private static InsightFinder insights(OnnxTextEncoder encoder, int targetModels) {
    TargetSentimentModel targets = ShippedSentiment.targets(encoder, targetModels);
    return new InsightFinder(ShippedThemes.detector(encoder), targets,
        AspectExtractor.shipped(encoder, targets)::extract);
  }

  public static DocumentAnalyzer load(VocConfig config) {
    System.setProperty("ai.djl.offline", "true");
    long start = System.nanoTime();
    AnalyzerSettings settings = new AnalyzerSettings(config.analysis().maxSentences(),
        config.analysis().maxChars(), AnalyzerSettings.DEFAULT_MAX_KEY_PHRASES);
    if (config.analysis().analysisPipeline() == AnalysisPipeline.FAST) {
      // Only CoreNLP's splitter runs: its tagger, parser and sentiment model are not loaded.
      CoreNlpPipeline splitter = CoreNlpPipeline.loadSplitter(CoreNlpSettings.defaults());
      return configured(fast(splitter, settings, config.analysis().sentiment(), start), config);
    }
    CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    CoreNlpSentiment coreNlp = CoreNlpSentiment.fromClasspath();
    String choice = config.analysis().sentiment();
    OnnxTextEncoder encoder = choice.equals("corenlp") ? null : ShippedSentiment.loadEncoder();
    SentimentModel model = switch (choice) {
      case "corenlp" -> coreNlp;
      case "transformer" -> ShippedSentiment.transformer(encoder);
      default -> ShippedSentiment.ensemble(coreNlp, encoder);
    };
    LOG.info("Models loaded in {} ms: sentiment {}{}", (System.nanoTime() - start) / 1_000_000, model.name(),
        encoder == null ? "" : ", encoder " + encoder.name());
    InsightFinder insights = encoder == null ? new InsightFinder(null, null, null)
        : insights(encoder, config.analysis().targetModels());
    return configured(new DocumentAnalyzer(pipeline, model, encoder, insights, settings, Clock.systemUTC()), config);
  }

  /**
   * The transformer-only analyzer: the shipped transformer and theme detection on one encoder pass.
   * With {@code transformer-head} the sentiment is the softmax head over the encoder's frozen vectors
   * instead of the fine-tuned top layers, which run inside the same ONNX Runtime pass but add a
   * copy of the encoder's top layers to it (about a sixth more work per text: this pipeline runs the
   * two-layer {@link ShippedSentiment#FAST_TOP}, not the eleven layers of the full pipeline's).
   */
  private static DocumentAnalyzer fast(CoreNlpPipeline pipeline, AnalyzerSettings settings, String sentiment,
      long start) {
    boolean head = sentiment.equals(VocConfig.Analysis.TRANSFORMER_HEAD);
    OnnxTextEncoder encoder = head ? ShippedSentiment.loadFrozenEncoder() : ShippedSentiment.loadFastEncoder();
    TransformerSentiment model = head ? ShippedSentiment.transformer(encoder) : ShippedSentiment.fastTransformer(encoder);
    LOG.info("Models loaded in {} ms: pipeline fast, sentiment {} {}, encoder {}",
        (System.nanoTime() - start) / 1_000_000, model.name(), model.version(), encoder.name());
    return DocumentAnalyzer.fast(pipeline, model, ShippedThemes.detector(encoder), settings, Clock.systemUTC());
  }

  /** {@code analyzer} with the configuration's taxonomy, urgency rules and classifiers. */
  private static DocumentAnalyzer configured(DocumentAnalyzer analyzer, VocConfig config) {
    analyzer.setTaxonomy(TaxonomyStore.initial(config));
    analyzer.setUrgencyRules(config.urgency().toRules());
    if (analyzer.searchEncoder().isPresent()) {
      analyzer.setClassifiers(ClassifierRegistry.initial(config));
    } else if (!ClassifierRegistry.initial(config).isEmpty()) {
      throw new ConfigException("classifiers need the transformer encoder, but analysis.sentiment is corenlp");
    }
    return analyzer;
  }

  /** The analyzer's document vectors and classifier slot, for the classifier API; none without an encoder. */
  public static ClassifierHost classifierHost(DocumentAnalyzer analyzer) {
    return analyzer.searchEncoder().map(encoder -> new ClassifierHost(new ClassifierTrainer.DocumentVectors() {
      @Override
      public String encoder() {
        return encoder.name();
      }

      @Override
      public float[][] vectors(List<String> texts, LongConsumer progress) {
        return analyzer.documentVectors(texts, progress);
      }
    }, analyzer::setClassifiers)).orElse(ClassifierHost.NONE);
  }
}
