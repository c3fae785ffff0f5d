package org.voc.eval.sentiment;

import java.time.Clock;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.CoreNlpSentiment;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.nlp.EnsembleSentiment;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.TransformerSentiment;

/** Builds the scorer that {@code --model} names, with the models the service uses. */
public final class SentimentScorers {

  private SentimentScorers() {}

  /** A scorer with the shipped models. */
  public static SentimentScorer create(String model, int threads) {
    return switch (model) {
      case "corenlp" -> new AnalyzerScorer("corenlp", analyzer(pipeline(), CoreNlpSentiment.fromClasspath()), threads);
      case "transformer" -> new TransformerScorer(ShippedSentiment.transformer(ShippedSentiment.loadEncoder()), true);
      case "ensemble" -> {
        TextEncoder encoder = ShippedSentiment.loadEncoder();
        yield new AnalyzerScorer("ensemble",
            analyzer(pipeline(), ShippedSentiment.ensemble(CoreNlpSentiment.fromClasspath(), encoder)), threads);
      }
      case "fast" -> fast("fast", ShippedSentiment.fastTransformer(ShippedSentiment.loadFastEncoder()), threads);
      case "fast-head" -> fast("fast-head", ShippedSentiment.transformer(ShippedSentiment.loadFrozenEncoder()), threads);
      default -> throw new IllegalArgumentException(
          "unknown --model '" + model + "' (corenlp, transformer, ensemble, fast, fast-head)");
    };
  }

  /**
   * The transformer-only analysis ({@code analysis.pipeline: fast}): sentences split, each scored by
   * {@code transformer} (the fast pipeline's fine-tuned layers, or the head over frozen vectors:
   * {@code sentiment: transformer-head}), averaged by length.
   */
  private static SentimentScorer fast(String name, TransformerSentiment transformer, int threads) {
    return new AnalyzerScorer(name, DocumentAnalyzer.fast(pipeline(), transformer, null,
        AnalyzerSettings.defaults(), Clock.systemUTC()), threads);
  }

  /** A trained transformer alone (for training reports); its encoder stays open. */
  public static SentimentScorer transformer(TransformerSentiment transformer) {
    return new TransformerScorer(transformer, false);
  }

  /** The ensemble with a trained transformer and stacker (for training reports). */
  public static SentimentScorer ensemble(CoreNlpPipeline pipeline, TransformerSentiment transformer,
      SoftmaxHead stacker, int threads) {
    EnsembleSentiment ensemble = new EnsembleSentiment(CoreNlpSentiment.fromClasspath(), transformer, stacker, "trained");
    return new AnalyzerScorer("ensemble", analyzer(pipeline, ensemble), threads);
  }

  static CoreNlpPipeline pipeline() {
    return CoreNlpPipeline.load(CoreNlpSettings.defaults());
  }

  static DocumentAnalyzer analyzer(CoreNlpPipeline pipeline, org.voc.nlp.SentimentModel model) {
    return new DocumentAnalyzer(pipeline, model, AnalyzerSettings.defaults(), Clock.systemUTC());
  }
}
