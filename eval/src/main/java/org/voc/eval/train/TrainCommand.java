package org.voc.eval.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.voc.eval.regression.Regressions;
import org.voc.models.BertTopTrainer;
import org.voc.nlp.VocJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc train sentiment}: trains the sentiment heads and prints the scores they reach. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models from labeled data.",
    subcommands = {TrainCommand.Sentiment.class, TrainCommand.Targets.class, TrainCommand.Themes.class,
        org.voc.eval.aspects.AspectTrainCommand.class, org.voc.eval.intent.ClassifierTrainCommand.class})
public final class TrainCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * What to tell the user when fine-tuning diverged and went on from a checkpoint at a lower rate
   * (the report counts it, but a run's scores then trail one that did not diverge); else empty.
   */
  static Optional<String> divergenceWarning(Object fineTuning) {
    if (fineTuning instanceof BertTopTrainer.Report trained && trained.recoveries() > 0) {
      return Optional.of("voc: fine-tuning diverged " + trained.recoveries() + " time(s) and went on from its last "
          + "checkpoint at " + Math.pow(0.5, trained.recoveries()) + " x the learning rate; its scores may trail "
          + "a run that did not diverge (try again, or another --seed)");
    }
    return Optional.empty();
  }

  /** {@code voc train sentiment [--data FILE ...] [--calibrate FILE] --out DIR}. */
  @Command(name = "sentiment", mixinStandardHelpOptions = true,
      description = "Train the transformer sentiment head and the CoreNLP+transformer ensemble. "
          + "Without --data: the shipped recipe (SST-3 + SST-2 train, the odd lines of TweetEval val and the "
          + "#train part of the target-dependent tweets; calibrated and stacked on SST-3 dev and the same "
          + "TweetEval lines).")
  static final class Sentiment implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", split = ",", description = "labeled training files (TSV/JSONL; FILE#odd / FILE#even: half of FILE; FILE#quarter1..4: a quarter of it by line; FILE#train / FILE#heldout: 80 / 20 %% of its texts; FILE-neutral: without its neutral rows; FILE*N: its rows N times)")
    List<Path> data;

    @Option(names = "--calibrate", paramLabel = "FILE", split = ",",
        description = "labeled dev files the ensemble is learned on (FILE#odd / FILE#even: half of FILE; FILE#quarter1..4: a quarter of it by line)")
    List<Path> calibrate;

    @Option(names = "--report", paramLabel = "FILE", split = ",", description = "labeled files to report scores on")
    List<Path> report;

    @Option(names = "--encoder", paramLabel = "ID", description = "all-minilm-l6-v2 or bge-small-en-v1.5")
    String encoder;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "0", description = "at most N rows per training file (0: all)")
    int maxRows;

    @Option(names = "--seed", defaultValue = "42")
    int seed;

    @Option(names = "--tune-layers", paramLabel = "N",
        description = "fine-tune the encoder's top N layers (0: a head on frozen vectors; default: the shipped recipe's)")
    Integer tuneLayers;

    @Option(names = "--epochs", paramLabel = "N", description = "fine-tuning epochs (default: the shipped recipe's)")
    Integer epochs;

    @Option(names = "--resume", paramLabel = "FILE",
        description = "start from this transformer-top.bin (and the transformer-head.json beside it) instead of fine-tuning; calibration, stacking and scores run as usual")
    Path resume;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the trained heads are written")
    Path out;

    private SentimentRecipe.FineTuning fineTuning() {
      SentimentRecipe.FineTuning shipped = SentimentRecipe.SHIPPED_FINE_TUNING;
      int layers = tuneLayers != null ? tuneLayers : shipped.layers();
      if (layers == 0) {
        return SentimentRecipe.FineTuning.NONE;
      }
      return new SentimentRecipe.FineTuning(layers, epochs != null ? epochs : shipped.epochs(),
          shipped.learningRate(), shipped.classifierLearningRate(), shipped.batchSize());
    }

    @Override
    public Integer call() throws Exception {
      SentimentRecipe shipped = Regressions.sharedData().map(SentimentRecipe::shipped).orElse(null);
      if (shipped == null && (data == null || calibrate == null)) {
        throw new IllegalArgumentException("../shared/data not found: give --data and --calibrate");
      }
      SentimentRecipe recipe = new SentimentRecipe(
          data != null ? data : shipped.trainFiles(),
          maxRows,
          calibrate != null ? calibrate : shipped.calibrationFiles(),
          report != null ? report : shipped == null ? List.of() : shipped.reportFiles(),
          encoder != null ? encoder : "bge-small-en-v1.5",
          seed,
          fineTuning());
      SentimentTraining.Result result = SentimentTraining.run(recipe, Runtime.getRuntime().availableProcessors(), resume);
      SentimentTraining.save(result, out);
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.report()));
      divergenceWarning(result.report().get("fineTuning")).ifPresent(System.err::println);
      return 0;
    }
  }

  /** {@code voc train targets [--data FILE,...] [--report FILE,...] --out DIR}. */
  @Command(name = "targets", mixinStandardHelpOptions = true,
      description = "Train the target-sentiment model (polarity toward an aspect, theme or brand) from the "
          + "shipped sentiment model. Without --data: MAMS train + SemEval-2014 + target tweets (#train parts).")
  static final class Targets implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", split = ",",
        description = "JSONL aspect rows {text,aspect,from,to,label} or theme rows {text,themes:[{name,label}]}; "
            + "FILE#train / FILE#heldout: the 80 %% / 20 %% of sentences split by text hash")
    List<Path> data;

    @Option(names = "--report", paramLabel = "FILE", split = ",", description = "files to report scores on")
    List<Path> report;

    @Option(names = "--epochs", paramLabel = "N",
        description = "fine-tuning epochs (default 3, as target-top.bin; target-top-2.bin was trained with 4)")
    Integer epochs;

    @Option(names = "--tune-layers", paramLabel = "N",
        description = "fine-tune the encoder's top N layers, at least the sentiment model's (default: the shipped recipe's)")
    Integer tuneLayers;

    @Option(names = "--seed", defaultValue = "42")
    int seed;

    @Option(names = "--start", paramLabel = "FILE",
        description = "start from these sentiment layers (a transformer-top.bin) instead of the shipped ones")
    Path start;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where target-top.bin is written")
    Path out;

    @Override
    public Integer call() throws Exception {
      TargetTraining.Recipe shipped = Regressions.sharedData().map(TargetTraining.Recipe::shipped).orElse(null);
      if (shipped == null && data == null) {
        throw new IllegalArgumentException("../shared/data not found: give --data");
      }
      TargetTraining.Recipe recipe = new TargetTraining.Recipe(
          data != null ? data : shipped.trainFiles(),
          report != null ? report : shipped == null ? List.of() : shipped.reportFiles(),
          seed,
          epochs != null ? epochs : shipped == null ? 3 : shipped.epochs(),
          shipped == null ? 1e-4 : shipped.learningRate(),
          shipped == null ? 1e-3 : shipped.classifierLearningRate(),
          tuneLayers != null ? tuneLayers : TargetTraining.Recipe.SHIPPED_LAYERS);
      if (start != null) {
        if (!java.nio.file.Files.isRegularFile(start)) {
          throw new IllegalArgumentException("--start " + start + ": no such file");
        }
        recipe = recipe.startingFrom(start);
      }
      TargetTraining.Result result = TargetTraining.run(recipe);
      TargetTraining.save(result, out);
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.report()));
      divergenceWarning(result.report().get("fineTuning")).ifPresent(System.err::println);
      return 0;
    }
  }

  /** {@code voc train themes [--data FILE] [--taxonomy CONFIG] --out DIR}. */
  @Command(name = "themes", mixinStandardHelpOptions = true,
      description = "Train theme detection (similarity calibration and one head per theme) on a JSONL file of "
          + "{\"text\", \"themes\": [{\"name\", \"label\"}]} rows. Without --data: MAMS train.")
  static final class Themes implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", description = "theme-labeled JSONL")
    Path data;

    @Option(names = "--taxonomy", paramLabel = "CONFIG", description = "a voc config file whose themes are the taxonomy")
    Path taxonomy;

    @Option(names = "--seed", defaultValue = "42")
    int seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "where similarity.json, themes.json and one head per theme are written")
    Path out;

    @Override
    public Integer call() throws Exception {
      Path file = data != null ? data : Regressions.sharedData().map(d -> d.resolve("themes/mams-acsa-train.jsonl"))
          .orElseThrow(() -> new IllegalArgumentException("../shared/data not found: give --data"));
      Map<String, Object> report = ThemeTraining.run(file, taxonomy, seed, out);
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
      return 0;
    }
  }
}
