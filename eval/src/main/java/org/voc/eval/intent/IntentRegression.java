package org.voc.eval.intent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voc.nlp.ClassifierInfo;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.LabeledRows;
import org.voc.nlp.TextClassifier;

/**
 * The {@code intent} regression task: trains a classifier on a labeled file with the recipe of
 * {@code voc train classifier} (seed 42, a tenth of each label held out) and reports its held-out
 * scores, so the whole recipe (reader, split, document vectors, head, calibration) is what is
 * checked, not a model file.
 */
public final class IntentRegression {

  private IntentRegression() {}

  /**
   * @param model {@code train} (every training row) or {@code train-per-class-N} (N rows per label)
   */
  public static Map<String, Object> run(Path data, String model) throws IOException {
    int perClass = model.startsWith("train-per-class-") ? Integer.parseInt(model.substring("train-per-class-".length())) : 0;
    if (perClass == 0 && !model.equals("train")) {
      throw new IllegalArgumentException("intent regressions train: model is train or train-per-class-N, not " + model);
    }
    LabeledRows.Read read = LabeledRows.read(data, null, null);
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings("regression", 42, 0.1, perClass, null, 0.5,
        data.getFileName().toString(), read.textColumn(), read.labelColumn());
    TextClassifier classifier;
    try (IntentModels models = new IntentModels()) {
      classifier = new ClassifierTrainer(Clock.systemUTC()).train(read.rows(), settings, models, (p, d, t) -> { });
    }
    ClassifierInfo.Scores scores = classifier.info().heldOut();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", round(scores.accuracy()));
    out.put("macro_f1", round(scores.macroF1()));
    out.put("uncertain_share", round(scores.uncertainShare()));
    out.put("accuracy_when_certain", round(scores.accuracyWhenCertain()));
    out.put("training_seconds", classifier.info().trainingSeconds());
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
