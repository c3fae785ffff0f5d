package org.voc.eval.aspects;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.TokenTagger;
import org.voc.nlp.AspectExtractor;
import org.voc.nlp.AspectTermTagger;
import org.voc.nlp.SentenceLevelTargets;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.TargetSentimentModel;

/** Loads what {@code voc eval aspects} measures, and runs it; shared with the regressions. */
public final class AspectModels {

  private AspectModels() {}

  /**
   * The target model {@code --model} names, on the shipped encoder; {@code shipped} averages the
   * first {@code targetModels} shipped target models.
   */
  static TargetSentimentModel targets(String model, OnnxTextEncoder encoder, int targetModels) {
    return switch (model) {
      case "shipped" -> ShippedSentiment.targets(encoder, targetModels);
      case "sentence" -> new SentenceLevelTargets(ShippedSentiment.transformer(encoder));
      default -> throw new IllegalArgumentException("unknown --model '" + model + "' (shipped, sentence)");
    };
  }

  /**
   * Evaluates {@code data} with the shipped encoder and CoreNLP pipeline, the target model {@code
   * model} and the tagger in {@code tagger} (null: the shipped one).
   */
  public static Map<String, Object> evaluate(Path data, String model, Path tagger,
      LongConsumer progress) throws IOException {
    return evaluate(data, model, tagger, ShippedSentiment.TARGET_TOPS.size(), progress);
  }

  /** As above, {@code shipped} being the first {@code targetModels} shipped target models averaged. */
  public static Map<String, Object> evaluate(Path data, String model, Path tagger, int targetModels,
      LongConsumer progress) throws IOException {
    List<AspectFile.AspectSentence> sentences = AspectFile.read(data);
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      TargetSentimentModel targets = targets(model, encoder, targetModels);
      AspectTermTagger terms = tagger == null ? AspectTermTagger.shipped()
          : new AspectTermTagger(TokenTagger.load(tagger));
      CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
      Map<String, Object> result = AspectEvaluation.run(sentences, pipeline,
          new AspectExtractor(encoder, terms, targets), targets, progress);
      result.put("data", data.toString());
      result.put("tagger", tagger == null ? AspectTermTagger.SHIPPED : tagger.toString());
      if (model.equals("shipped")) {
        result.put("target_models", targetModels);
      }
      return result;
    }
  }
}
