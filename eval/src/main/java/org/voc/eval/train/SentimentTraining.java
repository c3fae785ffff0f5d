package org.voc.eval.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voc.eval.regression.Regressions;
import org.voc.eval.sentiment.LabeledFile;
import org.voc.eval.sentiment.LabeledText;
import org.voc.eval.sentiment.SentimentEvaluation;
import org.voc.eval.sentiment.SentimentScorer;
import org.voc.eval.sentiment.SentimentScorers;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.EncoderModel;
import org.voc.models.SoftmaxHead;
import org.voc.models.SoftmaxHeadTrainer;
import org.voc.models.TextEncoder;
import org.voc.models.TrainingOptions;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.CoreNlpSentiment;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.nlp.EnsembleSentiment;
import org.voc.nlp.ParsedText;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.SentimentModel;
import org.voc.nlp.TransformerSentiment;

/**
 * Trains voc's sentiment models from labeled files: a softmax head on frozen encoder vectors of the
 * training texts, then the CoreNLP + transformer stacking layer on a dev file, then reports scores
 * on the report files. Same data and seed give the same models.
 */
public final class SentimentTraining {

  static final List<String> CLASSES = List.of("negative", "neutral", "positive");

  private SentimentTraining() {}

  /** The trained heads and the scores they reached. */
  public record Result(SoftmaxHead head, SoftmaxHead stacker, Map<String, Object> report) {}

  public static Result run(SentimentRecipe recipe, int threads) throws IOException {
    EncoderModel encoderModel = encoderModel(recipe.encoder());
    try (TextEncoder encoder = encoderModel.load()) {
      List<LabeledText> rows = trainingRows(recipe);
      float[][] features;
      try (ProgressBar bar = bar("embed training texts", rows.size())) {
        features = FeatureCache.embed(encoder, rows.stream().map(LabeledText::text).toList(), bar::stepBy);
      }
      int[] labels = rows.stream().mapToInt(r -> r.label().ordinal()).toArray();
      TrainingOptions headOptions = TrainingOptions.builder().seed(recipe.seed()).epochs(60)
          .learningRate(0.005).weightDecay(1e-5).batchSize(128).validationFraction(0.1).patience(5)
          .classWeights(SoftmaxHeadTrainer.balancedClassWeights(labels, 3)).build();
      SoftmaxHead head = new SoftmaxHeadTrainer(headOptions).train(features, labels, CLASSES, encoder.name());

      CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
      SoftmaxHead stacker = trainStacker(recipe, pipeline, encoder, head);

      Map<String, Object> report = new LinkedHashMap<>();
      report.put("recipe", describe(recipe));
      report.put("trainingRows", rows.size());
      report.put("head", head.training().orElse(null));
      report.put("stacker", stacker.training().orElse(null));
      List<Map<String, Object>> scores = new ArrayList<>();
      for (Path file : recipe.reportFiles()) {
        scores.add(evaluate(file, SentimentScorers.transformer(encoderModel.load(), head)));
        scores.add(evaluate(file, SentimentScorers.ensemble(pipeline, encoder, head, stacker, threads)));
      }
      report.put("scores", scores);
      return new Result(head, stacker, report);
    }
  }

  /** Writes the heads and the report into {@code dir}. */
  public static void save(Result result, Path dir) throws IOException {
    Files.createDirectories(dir);
    result.head().save(dir.resolve("transformer-head.json"));
    result.stacker().save(dir.resolve("ensemble-head.json"));
    Files.writeString(dir.resolve("training.json"), org.voc.nlp.VocJson.mapper()
        .writerWithDefaultPrettyPrinter().writeValueAsString(result.report()));
  }

  private static List<LabeledText> trainingRows(SentimentRecipe recipe) throws IOException {
    List<LabeledText> rows = new ArrayList<>();
    Random random = new Random(recipe.seed());
    for (Path file : recipe.trainFiles()) {
      List<LabeledText> fileRows = new ArrayList<>(LabeledFile.open(file, null).readAll());
      if (recipe.maxRowsPerFile() > 0 && fileRows.size() > recipe.maxRowsPerFile()) {
        Collections.shuffle(fileRows, random);
        fileRows = fileRows.subList(0, recipe.maxRowsPerFile());
      }
      rows.addAll(fileRows);
    }
    return rows;
  }

  /**
   * Learns how to combine the two models on the calibration file: each text is parsed once, both
   * models score its sentences, and the document-level probabilities of each are the stacker's input.
   */
  private static SoftmaxHead trainStacker(SentimentRecipe recipe, CoreNlpPipeline pipeline, TextEncoder encoder,
      SoftmaxHead head) throws IOException {
    List<LabeledText> rows = LabeledFile.open(recipe.calibrationFile(), null).readAll();
    SentimentModel both = new BothModels(CoreNlpSentiment.fromClasspath(),
        new TransformerSentiment(encoder, head, encoder.name()));
    DocumentAnalyzer analyzer = new DocumentAnalyzer(pipeline, both, AnalyzerSettings.defaults(), Clock.systemUTC());
    float[][] features = new float[rows.size()][];
    try (ProgressBar bar = bar("score calibration texts", rows.size())) {
      java.util.stream.IntStream.range(0, rows.size()).parallel().forEach(i -> {
        Sentiment sentiment = analyzer.analyzeText(rows.get(i).text()).sentiment();
        features[i] = EnsembleSentiment.features(probabilities(sentiment, CoreNlpSentiment.NAME),
            probabilities(sentiment, TransformerSentiment.NAME));
        bar.step();
      });
    }
    int[] labels = rows.stream().mapToInt(r -> r.label().ordinal()).toArray();
    TrainingOptions options = TrainingOptions.builder().seed(recipe.seed()).epochs(200).learningRate(0.01)
        .weightDecay(1e-4).batchSize(64).validationFraction(0.2).patience(10).build();
    return new SoftmaxHeadTrainer(options).train(features, labels, CLASSES, "corenlp+" + encoder.name());
  }

  /** A model's own document-level output mapped to three classes (CoreNLP's five fold into three). */
  static Sentiment.Probabilities probabilities(Sentiment sentiment, String model) {
    Sentiment.ModelOutput output = sentiment.models().stream().filter(m -> m.name().equals(model))
        .findFirst().orElseThrow();
    Map<String, Double> p = output.probabilities();
    Function<String, Double> get = k -> p.getOrDefault(k, 0.0);
    if (p.containsKey("very_negative")) {
      return new Sentiment.Probabilities(get.apply("very_negative") + get.apply("negative"), get.apply("neutral"),
          get.apply("positive") + get.apply("very_positive"));
    }
    return new Sentiment.Probabilities(get.apply("negative"), get.apply("neutral"), get.apply("positive"));
  }

  /** Scores with both models and keeps both outputs; its own probabilities are just their mean. */
  private record BothModels(CoreNlpSentiment coreNlp, TransformerSentiment transformer) implements SentimentModel {
    @Override
    public String name() {
      return "both";
    }

    @Override
    public String version() {
      return "calibration";
    }

    @Override
    public List<Sentiment> score(ParsedText text) {
      List<Sentiment> a = coreNlp.score(text);
      List<Sentiment> b = transformer.score(text);
      List<Sentiment> result = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        var pa = a.get(i).probabilities();
        var pb = b.get(i).probabilities();
        var mean = new Sentiment.Probabilities((pa.negative() + pb.negative()) / 2,
            (pa.neutral() + pb.neutral()) / 2, (pa.positive() + pb.positive()) / 2);
        List<Sentiment.ModelOutput> outputs = new ArrayList<>(a.get(i).models());
        outputs.addAll(b.get(i).models());
        result.add(Sentiment.fromProbabilities(mean, outputs));
      }
      return result;
    }
  }

  private static Map<String, Object> evaluate(Path file, SentimentScorer scorer) throws IOException {
    try (scorer) {
      Map<String, Object> result = SentimentEvaluation.run(LabeledFile.open(file, null), scorer, n -> { });
      Map<String, Object> brief = new LinkedHashMap<>();
      for (String key : List.of("data", "model", "n", "accuracy", "macro_f1", "macro_recall", "docs_per_second")) {
        brief.put(key, result.get(key));
      }
      System.err.println(brief);
      return brief;
    }
  }

  private static Map<String, Object> describe(SentimentRecipe recipe) throws IOException {
    Map<String, Object> described = new LinkedHashMap<>();
    List<Map<String, String>> train = new ArrayList<>();
    for (Path file : recipe.trainFiles()) {
      train.add(Map.of("file", shown(file), "sha256", Regressions.sha256(file)));
    }
    described.put("train", train);
    described.put("maxRowsPerFile", recipe.maxRowsPerFile());
    described.put("calibration", Map.of("file", shown(recipe.calibrationFile()),
        "sha256", Regressions.sha256(recipe.calibrationFile())));
    described.put("encoder", recipe.encoder());
    described.put("seed", recipe.seed());
    return described;
  }

  /** A data file as the report shows it: its last two path parts, like {@code sst2/train.tsv}. */
  private static String shown(Path file) {
    int parts = file.getNameCount();
    return parts >= 2 ? file.subpath(parts - 2, parts).toString() : file.toString();
  }

  private static EncoderModel encoderModel(String id) {
    for (EncoderModel model : EncoderModel.values()) {
      if (model.id().equals(id)) {
        return model;
      }
    }
    throw new IllegalArgumentException("unknown encoder " + id + " (all-minilm-l6-v2, bge-small-en-v1.5)");
  }

  static ProgressBar bar(String task, long max) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
  }

  static SentimentLabel labelOf(int index) {
    return SentimentLabel.values()[index];
  }
}
