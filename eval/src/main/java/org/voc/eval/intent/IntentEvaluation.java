package org.voc.eval.intent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.nlp.Classification;
import org.voc.nlp.ClassifierInfo;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.LabelScores;
import org.voc.nlp.TextClassifier;

/** Scores a classifier on labeled rows, in the shape DESIGN.md gives for {@code voc eval intent}. */
final class IntentEvaluation {

  private IntentEvaluation() {}

  /** The rows {@code info}'s model held out when it was trained on these same rows. */
  static List<ClassifierTrainer.Row> heldOut(List<ClassifierTrainer.Row> rows, ClassifierInfo info) {
    if (!ClassifierTrainer.checksum(rows).equals(info.dataChecksum())) {
      throw new IllegalArgumentException("#heldout: the file is not the one the model was trained on (checksum differs)");
    }
    return ClassifierTrainer.split(rows, info.seed(), info.heldOutShare()).heldOut();
  }

  static Map<String, Object> run(TextClassifier classifier, List<ClassifierTrainer.Row> rows,
      ClassifierTrainer.DocumentVectors vectors, String outOfScope, ClassifierTrainer.Progress progress) {
    long start = System.nanoTime();
    long[] done = {0};
    float[][] x = vectors.vectors(rows.stream().map(ClassifierTrainer.Row::text).toList(),
        n -> progress.update("eval intent", done[0] += n, rows.size()));
    double seconds = (System.nanoTime() - start) / 1e9;
    LabelScores best = new LabelScores();
    int uncertain = 0;
    int certainRight = 0;
    long[] oos = new long[3]; // true positives, predicted, gold
    for (int i = 0; i < rows.size(); i++) {
      Classification c = classifier.classify(x[i]);
      String gold = rows.get(i).label();
      String top = c.alternatives().getFirst().label();
      best.add(gold, top);
      if (c.uncertain()) {
        uncertain++;
      } else if (top.equals(gold)) {
        certainRight++;
      }
      if (outOfScope != null) {
        boolean predicted = c.uncertain() || outOfScope.equals(top);
        boolean isOos = outOfScope.equals(gold);
        oos[0] += predicted && isOos ? 1 : 0;
        oos[1] += predicted ? 1 : 0;
        oos[2] += isOos ? 1 : 0;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", classifier.info().name());
    out.put("n", rows.size());
    out.put("accuracy", round(best.accuracy()));
    out.put("macro_f1", round(best.macroF1()));
    out.put("uncertain_share", round(rows.isEmpty() ? 0 : (double) uncertain / rows.size()));
    out.put("accuracy_when_certain", round(rows.size() == uncertain ? 0 : (double) certainRight / (rows.size() - uncertain)));
    if (outOfScope != null) {
      out.put("oos_precision", round(oos[1] == 0 ? 0 : (double) oos[0] / oos[1]));
      out.put("oos_recall", round(oos[2] == 0 ? 0 : (double) oos[0] / oos[2]));
    }
    out.put("docs_per_second", Math.round(rows.size() / Math.max(seconds, 1e-9) * 10) / 10.0);
    Map<String, Object> perClass = new LinkedHashMap<>();
    best.perLabel().forEach((label, s) -> {
      Map<String, Object> scores = new LinkedHashMap<>();
      scores.put("precision", round(s.precision()));
      scores.put("recall", round(s.recall()));
      scores.put("f1", round(s.f1()));
      scores.put("support", s.support());
      perClass.put(label, scores);
    });
    out.put("per_class", perClass);
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
