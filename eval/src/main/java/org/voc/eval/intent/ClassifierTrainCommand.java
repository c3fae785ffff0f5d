package org.voc.eval.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.LabeledRows;
import org.voc.nlp.TextClassifier;
import org.voc.nlp.VocJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc train classifier --name NAME --data FILE [--text-column C] [--label-column C] [--out DIR]}. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
    description = "Train a text classifier (intent, category, team...) on your labeled CSV, TSV or JSONL. "
        + "It reads the document vectors analysis computes anyway, so it adds no encoder pass at ingest. "
        + "Prints the held-out scores and writes the classifier to --out (default: the data dir's models/NAME).")
public final class ClassifierTrainCommand implements Callable<Integer> {

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "the classifier's name, e.g. intent")
  String name;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "labeled CSV/TSV (with a header) or JSONL")
  Path data;

  @Option(names = "--text-column", paramLabel = "C", description = "default: text")
  String textColumn;

  @Option(names = "--label-column", paramLabel = "C", description = "default: category, intent or label, the first present")
  String labelColumn;

  @Option(names = "--out", paramLabel = "DIR", description = "default: $VOC_DATA (or ./data)/models/NAME")
  Path out;

  @Option(names = "--held-out", defaultValue = "0.1", paramLabel = "SHARE", description = "share of each label held out and reported on (default 0.1)")
  double heldOut;

  @Option(names = "--per-class", defaultValue = "0", paramLabel = "N", description = "train on at most N rows per label (few-shot; 0: all)")
  int perClass;

  @Option(names = "--oos", paramLabel = "LABEL", description = "the label that means out of scope, if the data has one")
  String outOfScope;

  @Option(names = "--min-confidence", defaultValue = "0.5", paramLabel = "P",
      description = "below this calibrated probability the answer is 'uncertain' (default 0.5)")
  double minConfidence;

  @Option(names = "--seed", defaultValue = "42")
  int seed;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(data)) {
      throw new IllegalArgumentException("no such file: " + data);
    }
    if (!name.matches("[a-z][a-z0-9_-]{0,39}")) {
      throw new IllegalArgumentException("--name must be lower-case letters, digits, '_' or '-' (at most 40)");
    }
    LabeledRows.Read read = LabeledRows.read(data, textColumn, labelColumn);
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(name, seed, heldOut, perClass, outOfScope,
        minConfidence, data.getFileName().toString(), read.textColumn(), read.labelColumn());
    Path dir = out != null ? out : IntentModels.modelDir(name);
    TextClassifier classifier;
    try (IntentModels models = new IntentModels(); Progress progress = new Progress()) {
      classifier = new ClassifierTrainer(Clock.systemUTC()).train(read.rows(), settings, models, progress);
    }
    classifier.save(dir);
    System.err.println("voc: classifier " + name + " written to " + dir);
    System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(classifier.info()));
    return 0;
  }
}
