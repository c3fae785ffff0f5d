package org.voc.eval.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.LabeledRows;
import org.voc.nlp.TextClassifier;
import org.voc.nlp.VocJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc eval intent --data FILE[#heldout] [--model NAME|DIR] [--oos LABEL]}. */
@Command(name = "intent", mixinStandardHelpOptions = true,
    description = "Score a trained classifier on a labeled CSV/TSV/JSONL file: accuracy, macro F1, per class, "
        + "and with --oos, out-of-scope precision and recall.")
public final class IntentEvalCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "labeled file; FILE#heldout: only the rows the model held out when trained on FILE")
  String data;

  @Option(names = "--model", defaultValue = "intent", paramLabel = "NAME|DIR",
      description = "a classifier directory, or a name under the data dir's models (default: intent)")
  String model;

  @Option(names = "--text-column", paramLabel = "C", description = "default: text")
  String textColumn;

  @Option(names = "--label-column", paramLabel = "C", description = "default: category, intent or label, the first present")
  String labelColumn;

  @Option(names = "--oos", paramLabel = "LABEL", description = "the gold label of out-of-scope texts")
  String outOfScope;

  @Override
  public Integer call() throws Exception {
    boolean heldOut = data.endsWith("#heldout");
    Path file = Path.of(heldOut ? data.substring(0, data.length() - "#heldout".length()) : data);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    Path dir = IntentModels.resolve(model);
    if (!TextClassifier.exists(dir)) {
      throw new IllegalArgumentException("no classifier at " + dir + " (train one with voc train classifier)");
    }
    TextClassifier classifier = TextClassifier.load(dir, model, Set.of());
    List<ClassifierTrainer.Row> rows = LabeledRows.read(file, textColumn, labelColumn).rows();
    if (heldOut) {
      rows = IntentEvaluation.heldOut(rows, classifier.info());
    }
    try (IntentModels models = new IntentModels(); Progress progress = new Progress()) {
      if (!models.encoder().equals(classifier.encoder())) {
        throw new IllegalArgumentException(dir + " reads " + classifier.encoder() + " vectors, voc computes "
            + models.encoder());
      }
      var result = IntentEvaluation.run(classifier, rows, models, outOfScope, progress);
      progress.close();
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }
    return 0;
  }
}
