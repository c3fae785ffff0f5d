package org.voc.eval.sentiment;

import java.time.Clock;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.DocumentAnalyzer;

/** Builds the scorer that {@code --model} names, with the models the service uses. */
public final class SentimentScorers {

  private SentimentScorers() {}

  public static SentimentScorer create(String model, int threads) {
    return switch (model) {
      case "corenlp" -> new CoreNlpScorer(DocumentAnalyzer.withCoreNlpSentiment(
          CoreNlpPipeline.load(CoreNlpSettings.defaults()), AnalyzerSettings.defaults(), Clock.systemUTC()), threads);
      default -> throw new IllegalArgumentException("unknown --model '" + model + "' (corenlp, transformer, ensemble)");
    };
  }
}
