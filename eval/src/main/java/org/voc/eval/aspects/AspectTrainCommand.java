package org.voc.eval.aspects;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.voc.models.TokenTaggerTrainer;
import org.voc.nlp.VocJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc train aspects [--data FILE,...] [--report FILE,...] --out DIR}. */
@Command(name = "aspects", mixinStandardHelpOptions = true,
    description = "Train the aspect-term tagger. Without --data: the shipped recipe (SemEval-14 "
        + "restaurants and laptops #train, scored on their #heldout sentences).")
public final class AspectTrainCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "FILE", split = ",",
      description = "aspect JSONL files to train on (FILE#train / FILE#heldout: 80 / 20 %% of its sentences)")
  List<Path> data;

  @Option(names = "--report", paramLabel = "FILE", split = ",", description = "aspect files to report extraction scores on")
  List<Path> report;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: the shipped recipe's)")
  Integer epochs;

  @Option(names = "--units", paramLabel = "N", description = "hidden units (default: the shipped recipe's)")
  Integer units;

  @Option(names = "--window", paramLabel = "N", description = "neighbouring tokens on each side (default: the shipped recipe's)")
  Integer window;

  @Option(names = "--learning-rate", paramLabel = "R", description = "Adam learning rate (default: the shipped recipe's)")
  Double learningRate;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where aspect-tagger.json is written")
  Path out;

  @Override
  public Integer call() throws Exception {
    TokenTaggerTrainer.Options shipped = AspectTraining.shippedOptions(seed);
    TokenTaggerTrainer.Options options = new TokenTaggerTrainer.Options(seed,
        epochs != null ? epochs : shipped.epochs(),
        learningRate != null ? learningRate : shipped.learningRate(),
        shipped.batchSize(),
        units != null ? units : shipped.units(),
        window != null ? window : shipped.window(),
        shipped.dropout(), shipped.validationFraction(), shipped.classWeights());
    AspectTraining.Recipe recipe = data != null
        ? new AspectTraining.Recipe(data, report != null ? report : List.of(), options)
        : AspectTraining.shipped(AspectTraining.sharedData(), options);
    AspectTraining.Result result = AspectTraining.run(recipe);
    AspectTraining.save(result, out);
    System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.report()));
    return 0;
  }
}
