package org.voc.eval.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import org.voc.models.BertTop;
import org.voc.models.BertTopFile;
import org.voc.models.BertTopTrainer;
import org.voc.models.EncoderModel;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxGraph;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.PriorCalibration;
import org.voc.models.SoftmaxHead;
import org.voc.models.SoftmaxHeadTrainer;
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

  /**
   * The trained models and the scores they reached: the head over frozen vectors always, the
   * fine-tuned top layers when the recipe asks for them (then the transformer is the top).
   */
  public record Result(SoftmaxHead head, BertTop top, SoftmaxHead stacker, Map<String, Object> report) {}

  public static Result run(SentimentRecipe recipe, int threads) throws IOException {
    return run(recipe, threads, null);
  }

  /**
   * @param fineTuned a {@code transformer-top.bin} to start from instead of fine-tuning (its head
   *     {@code transformer-head.json} beside it), or null; calibration and stacking run as usual
   */
  public static Result run(SentimentRecipe recipe, int threads, Path fineTuned) throws IOException {
    if (fineTuned != null) {
      return resume(recipe, threads, fineTuned);
    }
    EncoderModel encoderModel = encoderModel(recipe.encoder());
    SentimentRecipe.FineTuning tuning = recipe.fineTuning();
    int firstLayer = encoderModel.layers() - tuning.layers();
    if (tuning.layers() < 0 || firstLayer < 1) {
      throw new IllegalArgumentException(encoderModel.id() + " has " + encoderModel.layers()
          + " layers: fine-tune 0 to " + (encoderModel.layers() - 1));
    }
    int tap = tuning.layers() > 0 ? firstLayer - 1 : -1;
    try (OnnxTextEncoder encoder = encoderModel.load(EncoderSettings.defaults(), tap)) {
      List<LabeledText> rows = trainingRows(recipe);
      int[] labels = rows.stream().mapToInt(r -> r.label().ordinal()).toArray();
      List<Double> classWeights = SoftmaxHeadTrainer.balancedClassWeights(labels, 3);
      OnnxTextEncoder.Encoded encoded;
      try (ProgressBar bar = bar("encode training texts", rows.size())) {
        encoded = FeatureCache.encode(encoder, rows.stream().map(LabeledText::text).toList(), bar::stepBy);
      }
      TrainingOptions headOptions = TrainingOptions.builder().seed(recipe.seed()).epochs(60)
          .learningRate(0.005).weightDecay(1e-5).batchSize(128).validationFraction(0.1).patience(5)
          .classWeights(classWeights).build();
      SoftmaxHead head = new SoftmaxHeadTrainer(headOptions).train(encoded.vectors(), labels, CLASSES, encoder.name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("recipe", describe(recipe));
      report.put("trainingRows", rows.size());
      report.put("head", head.training().orElse(null));
      BertTop top = null;
      TransformerSentiment transformer = new TransformerSentiment(encoder, head, encoder.name());
      if (tuning.layers() > 0) {
        top = fineTune(recipe, encoderModel, firstLayer, head, encoded, labels, classWeights, report);
        transformer = new TransformerSentiment(encoder, top, encoder.name() + "+top" + tuning.layers());
      }
      encoded = null; // the hidden states are the bulk of the heap
      return finish(recipe, threads, head, top, transformer, report);
    }
  }

  private static Result resume(SentimentRecipe recipe, int threads, Path topFile) throws IOException {
    SoftmaxHead head = SoftmaxHead.load(topFile.resolveSibling("transformer-head.json"));
    BertTopFile.Loaded loaded;
    try (var in = Files.newInputStream(topFile)) {
      loaded = BertTopFile.load(in);
    }
    EncoderModel encoderModel = encoderModel(loaded.encoder());
    try (OnnxTextEncoder encoder = encoderModel.load(EncoderSettings.defaults(), loaded.top().firstLayer() - 1)) {
      Map<String, Object> report = new LinkedHashMap<>();
      @SuppressWarnings("unchecked")
      Map<String, Object> earlier = org.voc.nlp.VocJson.mapper().convertValue(loaded.header().get("training"), Map.class);
      if (earlier != null) {
        for (String key : List.of("recipe", "trainingRows", "head", "fineTuning")) {
          report.put(key, earlier.get(key));
        }
      }
      report.put("resumedFrom", shown(topFile));
      TransformerSentiment transformer = new TransformerSentiment(encoder, loaded.top(),
          encoder.name() + "+top" + loaded.top().layers());
      return finish(recipe, threads, head, loaded.top(), transformer, report);
    }
  }

  /** Calibrates the fine-tuned classifier's priors, learns the stacker, scores the report files. */
  private static Result finish(SentimentRecipe recipe, int threads, SoftmaxHead head, BertTop top,
      TransformerSentiment transformer, Map<String, Object> report) throws IOException {
    if (top != null) {
      report.put("calibration", calibrate(recipe, top, transformer));
    }
    CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    SoftmaxHead stacker = trainStacker(recipe, pipeline, transformer);
    report.put("stacker", stacker.training().orElse(null));
    List<Map<String, Object>> scores = new ArrayList<>();
    for (Path file : recipe.reportFiles()) {
      scores.add(evaluate(file, SentimentScorers.transformer(transformer)));
      scores.add(evaluate(file, SentimentScorers.ensemble(pipeline, transformer, stacker, threads)));
    }
    report.put("scores", scores);
    return new Result(head, top, stacker, report);
  }

  /**
   * Refits the fine-tuned classifier's temperature and class offsets on the calibration files (the
   * dev splits of the domains served), each class weighing the same.
   */
  private static PriorCalibration calibrate(SentimentRecipe recipe, BertTop top,
      TransformerSentiment transformer) throws IOException {
    List<LabeledText> rows = calibrationRows(recipe);
    List<Sentiment> scored = transformer.scoreTexts(rows.stream().map(LabeledText::text).toList());
    double[][] logP = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      Sentiment.Probabilities p = scored.get(i).probabilities();
      logP[i] = new double[] {Math.log(Math.max(p.negative(), 1e-9)), Math.log(Math.max(p.neutral(), 1e-9)),
          Math.log(Math.max(p.positive(), 1e-9))};
    }
    PriorCalibration calibration = PriorCalibration.fit(logP,
        rows.stream().mapToInt(r -> r.label().ordinal()).toArray(), CLASSES.size());
    top.recalibrate(calibration);
    return calibration;
  }

  private static List<LabeledText> calibrationRows(SentimentRecipe recipe) throws IOException {
    List<LabeledText> rows = new ArrayList<>();
    for (Path file : recipe.calibrationFiles()) {
      rows.addAll(LabeledFile.open(file, null).readAll());
    }
    return rows;
  }

  private static BertTop fineTune(SentimentRecipe recipe, EncoderModel encoderModel, int firstLayer,
      SoftmaxHead head, OnnxTextEncoder.Encoded encoded, int[] labels, List<Double> classWeights,
      Map<String, Object> report) {
    SentimentRecipe.FineTuning tuning = recipe.fineTuning();
    Map<String, OnnxGraph.Tensor> weights = new HashMap<>(encoderModel.weights());
    // The classifier starts from the frozen-vector head: same input, a unit [CLS] vector.
    int dim = head.dimension();
    float[] w = new float[dim * CLASSES.size()];
    for (int c = 0; c < CLASSES.size(); c++) {
      for (int d = 0; d < dim; d++) {
        w[d * CLASSES.size() + c] = head.weights()[c][d];
      }
    }
    weights.put("classifier.weight", new OnnxGraph.Tensor("classifier.weight", new long[] {dim, CLASSES.size()}, w));
    weights.put("classifier.bias", new OnnxGraph.Tensor("classifier.bias", new long[] {CLASSES.size()}, head.bias()));
    BertTopFile.Loaded holder = BertTopFile.create(firstLayer, tuning.layers(), BertTop.Dimensions.SMALL, CLASSES, weights);
    BertTopTrainer.Options options = new BertTopTrainer.Options(recipe.seed(), tuning.epochs(),
        tuning.learningRate(), tuning.classifierLearningRate(), tuning.batchSize(), 0.06, 0.05, classWeights);
    BertTopTrainer.Report trained;
    try (ProgressBar bar = bar("fine-tune top " + tuning.layers() + " layers", (long) labels.length * tuning.epochs())) {
      trained = new BertTopTrainer(options).train(holder.top(), encoded.hidden(), encoded.tokens(), labels, bar::stepBy);
    }
    report.put("fineTuning", trained);
    return holder.top();
  }

  /** Writes the models and the report into {@code dir}. */
  public static void save(Result result, Path dir) throws IOException {
    Files.createDirectories(dir);
    if (result.top() != null) { // first: it is what took longest to train
      @SuppressWarnings("unchecked")
      Map<String, Object> report = org.voc.nlp.VocJson.mapper().convertValue(result.report(), Map.class);
      // 8-bit differences from the encoder's weights: eleven tuned layers take 19.6 MB, not 39 (half
      // floats), and lose nothing measurable (8-bit weights themselves lose half a point on SST-2).
      BertTopFile.save(result.top(), result.head().encoder(), report, dir.resolve("transformer-top.bin"),
          BertTopFile.Precision.INT8_DELTA);
    }
    result.head().save(dir.resolve("transformer-head.json"));
    result.stacker().save(dir.resolve("ensemble-head.json"));
    Files.writeString(dir.resolve("training.json"), org.voc.nlp.VocJson.mapper()
        .writerWithDefaultPrettyPrinter().writeValueAsString(result.report()));
  }

  private static List<LabeledText> trainingRows(SentimentRecipe recipe) throws IOException {
    List<LabeledText> rows = new ArrayList<>();
    Random random = new Random(recipe.seed());
    for (Path spec : recipe.trainFiles()) {
      Repeated file = repeated(spec);
      List<LabeledText> fileRows = new ArrayList<>(LabeledFile.open(file.file(), null).readAll());
      if (file.without() != null) {
        fileRows.removeIf(row -> row.label() == file.without());
      }
      if (recipe.maxRowsPerFile() > 0 && fileRows.size() > recipe.maxRowsPerFile()) {
        Collections.shuffle(fileRows, random);
        fileRows = fileRows.subList(0, recipe.maxRowsPerFile());
      }
      for (int i = 0; i < file.times(); i++) {
        rows.addAll(fileRows);
      }
    }
    return rows;
  }

  /**
   * A training file, how many times its rows are used ({@code FILE*N}: N times) and which label's rows
   * are left out ({@code FILE-neutral}: all but the neutral rows, e.g. target-labeled tweets, whose
   * neutral says nothing about the tweet as a whole), or null.
   */
  record Repeated(Path file, int times, SentimentLabel without) {
    Repeated(Path file, int times) {
      this(file, times, null);
    }
  }

  static Repeated repeated(Path spec) {
    String name = spec.getFileName().toString();
    int times = 1;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*)\\*(\\d+)$").matcher(name);
    if (m.matches()) {
      name = m.group(1);
      times = Integer.parseInt(m.group(2));
    }
    SentimentLabel without = null;
    java.util.regex.Matcher w = java.util.regex.Pattern.compile("(.*)-(negative|neutral|positive)$").matcher(name);
    if (w.matches() && !Files.exists(spec.resolveSibling(name))) {
      name = w.group(1);
      without = SentimentLabel.parse(w.group(2)).orElseThrow();
    }
    return new Repeated(spec.resolveSibling(name), times, without);
  }

  /**
   * Learns how to combine the two models on the calibration file: each text is parsed once, both
   * models score its sentences, and the document-level probabilities of each are the stacker's input.
   */
  private static SoftmaxHead trainStacker(SentimentRecipe recipe, CoreNlpPipeline pipeline,
      TransformerSentiment transformer) throws IOException {
    List<LabeledText> rows = calibrationRows(recipe);
    SentimentModel both = new BothModels(CoreNlpSentiment.fromClasspath(), transformer);
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
    // Each class weighs the same, as in the calibration before it: without that the stacker learns
    // the calibration set's class mix (mostly SST-3 dev, few neutral sentences) back into its output.
    TrainingOptions options = TrainingOptions.builder().seed(recipe.seed()).epochs(200).learningRate(0.01)
        .weightDecay(1e-4).batchSize(64).validationFraction(0.2).patience(10)
        .classWeights(SoftmaxHeadTrainer.balancedClassWeights(labels, CLASSES.size())).build();
    return new SoftmaxHeadTrainer(options).train(features, labels, CLASSES, "corenlp+" + transformer.version());
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
      train.add(Map.of("file", shown(file), "sha256", Regressions.sha256(LabeledFile.fileOf(repeated(file).file()))));
    }
    described.put("train", train);
    described.put("maxRowsPerFile", recipe.maxRowsPerFile());
    List<Map<String, String>> calibration = new ArrayList<>();
    for (Path file : recipe.calibrationFiles()) {
      calibration.add(Map.of("file", shown(file), "sha256", Regressions.sha256(LabeledFile.fileOf(file))));
    }
    described.put("calibration", calibration);
    described.put("encoder", recipe.encoder());
    described.put("seed", recipe.seed());
    described.put("fineTuning", recipe.fineTuning());
    return described;
  }

  /** A data file as the report shows it: its last two path parts, like {@code sst2/train.tsv}. */
  static String shown(Path file) {
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

  public static ProgressBar bar(String task, long max) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
  }

  static SentimentLabel labelOf(int index) {
    return SentimentLabel.values()[index];
  }
}
