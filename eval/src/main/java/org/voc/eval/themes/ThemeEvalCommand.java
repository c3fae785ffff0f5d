package org.voc.eval.themes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.voc.eval.train.SentimentTraining;
import org.voc.models.OnnxTextEncoder;
import org.voc.nlp.AnalysisPipeline;
import org.voc.nlp.SentenceLevelTargets;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.TargetSentimentModel;
import org.voc.nlp.ThemeDefinition;
import org.voc.nlp.ThemeDetector;
import org.voc.nlp.VocJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc eval themes --data FILE [--taxonomy CONFIG] [--model shipped|similarity|DIR]}. */
@Command(name = "themes", mixinStandardHelpOptions = true,
    description = "Theme detection (micro/macro F1) and per-theme polarity accuracy on a JSONL file of "
        + "{\"text\", \"themes\": [{\"name\", \"label\"}]} rows.")
public final class ThemeEvalCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "theme-labeled JSONL (FILE#heldout / FILE#train: a fixed 20 %% / 80 %% of its texts)")
  Path data;

  @Option(names = "--taxonomy", paramLabel = "CONFIG", description = "a voc config file whose themes are the taxonomy (default: the data file's theme names)")
  Path taxonomy;

  @Option(names = "--model", defaultValue = "shipped", paramLabel = "MODEL",
      description = "shipped (trained heads where they cover the taxonomy, else similarity), similarity, "
          + "or a directory written by voc train themes (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--target-models", paramLabel = "N",
      description = "with --pipeline full: average the first N shipped target models (default: all, as analysis.targetModels)")
  Integer targetModels;

  @Option(names = "--pipeline", defaultValue = "full", paramLabel = "full|fast",
      description = "full: polarity from the target model; fast (analysis.pipeline: fast): each theme gets its"
          + " sentence's sentiment from the transformer (default: ${DEFAULT-VALUE})")
  String pipeline;

  @Override
  public Integer call() throws Exception {
    AnalysisPipeline analysis = AnalysisPipeline.parse(pipeline)
        .orElseThrow(() -> new IllegalArgumentException("--pipeline: full or fast, not '" + pipeline + "'"));
    int averaged = org.voc.eval.aspects.TargetModelsOption.resolve(targetModels);
    ThemeFile file = ThemeFile.read(data);
    try (ProgressBar bar = SentimentTraining.bar("eval themes", file.rows().size())) {
      Map<String, Object> result = evaluate(file, taxonomy, model, analysis, averaged, bar::stepBy);
      bar.close();
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }
    return 0;
  }

  /** The theme scores of {@code model} on {@code file}; shared with the regressions. */
  public static Map<String, Object> evaluate(ThemeFile file, Path taxonomy, String model,
      java.util.function.IntConsumer progress) throws java.io.IOException {
    return evaluate(file, taxonomy, model, AnalysisPipeline.FULL, progress);
  }

  /**
   * As above, with the theme sentiment of {@code pipeline}: the target model's ({@code full}), or
   * each theme its sentence's from the transformer ({@code fast}, as that analysis does).
   */
  public static Map<String, Object> evaluate(ThemeFile file, Path taxonomy, String model,
      AnalysisPipeline pipeline, java.util.function.IntConsumer progress) throws java.io.IOException {
    return evaluate(file, taxonomy, model, pipeline, ShippedSentiment.TARGET_TOPS.size(), progress);
  }

  /** As above, the target model being the first {@code targetModels} shipped ones averaged. */
  public static Map<String, Object> evaluate(ThemeFile file, Path taxonomy, String model,
      AnalysisPipeline pipeline, int targetModels, java.util.function.IntConsumer progress)
      throws java.io.IOException {
    List<ThemeDefinition> themes = TaxonomyFile.themes(taxonomy, file.themeNames());
    boolean fast = pipeline == AnalysisPipeline.FAST;
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      TargetSentimentModel targets = fast ? new SentenceLevelTargets(ShippedSentiment.transformer(encoder))
          : ShippedSentiment.targets(encoder, targetModels);
      Map<String, Object> result = ThemeEvaluation.run(file, themes, detector(encoder, model), targets, progress);
      result.put("model", model);
      if (!fast) {
        result.put("target_models", targetModels);
      }
      result.put("pipeline", pipeline.wireName());
      return result;
    }
  }

  private static ThemeDetector detector(OnnxTextEncoder encoder, String model) throws java.io.IOException {
    return switch (model) {
      case "shipped" -> new ThemeDetector(encoder, ThemeDetector.Calibration.shipped(),
          ThemeDetector.Heads.shipped().orElse(null));
      case "similarity" -> new ThemeDetector(encoder, ThemeDetector.Calibration.shipped(), null);
      default -> {
        Path dir = Path.of(model);
        if (!Files.isDirectory(dir)) {
          throw new IllegalArgumentException("--model: shipped, similarity or a directory; no directory " + dir);
        }
        ThemeDetector.Calibration calibration = VocJson.mapper().readValue(
            dir.resolve("similarity.json").toFile(), ThemeDetector.Calibration.class);
        yield new ThemeDetector(encoder, calibration,
            Files.exists(dir.resolve("themes.json")) ? ThemeDetector.Heads.load(dir) : null);
      }
    };
  }
}
