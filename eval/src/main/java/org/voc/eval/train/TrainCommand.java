package org.voc.eval.train;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.voc.eval.regression.Regressions;
import org.voc.nlp.VocJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc train sentiment}: trains the sentiment heads and prints the scores they reach. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models from labeled data.",
    subcommands = {TrainCommand.Sentiment.class,
        org.voc.eval.aspects.AspectTrainCommand.class})
public final class TrainCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** {@code voc train sentiment [--data FILE ...] [--calibrate FILE] --out DIR}. */
  @Command(name = "sentiment", mixinStandardHelpOptions = true,
      description = "Train the transformer sentiment head and the CoreNLP+transformer ensemble. "
          + "Without --data: the shipped recipe (SST-3 + SST-2 train, stacked on SST-3 dev).")
  static final class Sentiment implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", split = ",", description = "labeled training files (TSV/JSONL; FILE#odd / FILE#even: half of FILE; FILE*N: its rows N times)")
    List<Path> data;

    @Option(names = "--calibrate", paramLabel = "FILE", split = ",",
        description = "labeled dev files the ensemble is learned on (FILE#odd / FILE#even: half of FILE)")
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
      return 0;
    }
  }
}
