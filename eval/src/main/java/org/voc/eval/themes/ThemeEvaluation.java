package org.voc.eval.themes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.voc.eval.sentiment.ConfusionMatrix;
import org.voc.nlp.ConfidentTargets;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TargetSentimentModel;
import org.voc.nlp.TargetSentimentModel.Target;
import org.voc.nlp.ThemeDefinition;
import org.voc.nlp.ThemeDetector;

/**
 * Scores theme detection (which themes each text is about, against the gold set) and theme
 * polarity (the target model's sentiment toward each gold theme) on a {@link ThemeFile}.
 */
public final class ThemeEvaluation {

  private static final int CHUNK = 256;

  private ThemeEvaluation() {}

  public static Map<String, Object> run(ThemeFile file, List<ThemeDefinition> themes, ThemeDetector detector,
      TargetSentimentModel targets, IntConsumer progress) {
    long start = System.nanoTime();
    int k = themes.size();
    long[] tp = new long[k];
    long[] fp = new long[k];
    long[] fn = new long[k];
    ConfusionMatrix polarity = new ConfusionMatrix(List.of(SentimentLabel.values()));
    List<ThemeFile.Row> rows = file.rows();
    long fallbacksBefore = targets instanceof ConfidentTargets confident ? confident.fallbacks() : 0;
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<ThemeFile.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      List<String> texts = chunk.stream().map(ThemeFile.Row::text).toList();
      float[][] vectors = detector.encoder().embed(texts);
      boolean[][] about = detector.score(themes, texts, vectors).about();
      List<Target> gold = new ArrayList<>();
      List<SentimentLabel> labels = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        Map<String, SentimentLabel> truth = chunk.get(i).themes();
        for (int t = 0; t < k; t++) {
          boolean isGold = truth.containsKey(themes.get(t).name());
          if (about[i][t] && isGold) {
            tp[t]++;
          } else if (about[i][t]) {
            fp[t]++;
          } else if (isGold) {
            fn[t]++;
          }
        }
        for (var entry : truth.entrySet()) {
          gold.add(Target.about(texts.get(i), entry.getKey()));
          labels.add(entry.getValue());
        }
      }
      List<Sentiment> predicted = targets.score(gold);
      for (int i = 0; i < gold.size(); i++) {
        polarity.add(labels.get(i), predicted.get(i).label());
      }
      progress.accept(chunk.size());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long sumTp = 0;
    long sumFp = 0;
    long sumFn = 0;
    double macro = 0;
    Map<String, Object> perTheme = new LinkedHashMap<>();
    for (int t = 0; t < k; t++) {
      sumTp += tp[t];
      sumFp += fp[t];
      sumFn += fn[t];
      double f1 = f1(tp[t], fp[t], fn[t]);
      macro += f1;
      Map<String, Object> scores = new LinkedHashMap<>();
      scores.put("precision", ratio(tp[t], tp[t] + fp[t]));
      scores.put("recall", ratio(tp[t], tp[t] + fn[t]));
      scores.put("f1", f1);
      scores.put("support", tp[t] + fn[t]);
      perTheme.put(themes.get(t).name(), scores);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("data", file.path().toString());
    result.put("n", rows.size());
    result.put("themes", themes.stream().map(ThemeDefinition::name).toList());
    result.put("detection_micro_f1", f1(sumTp, sumFp, sumFn));
    result.put("detection_macro_f1", k == 0 ? 0 : macro / k);
    result.put("detection_micro_precision", ratio(sumTp, sumTp + sumFp));
    result.put("detection_micro_recall", ratio(sumTp, sumTp + sumFn));
    result.put("polarity_accuracy", polarity.accuracy());
    result.put("polarity_macro_f1", polarity.macroF1());
    result.put("polarity_n", polarity.total());
    result.put("per_theme", perTheme);
    if (targets instanceof ConfidentTargets confident) {
      // Targets the target model was unsure of, which took their sentence's sentiment.
      result.put("polarity_sentence_fallbacks", confident.fallbacks() - fallbacksBefore);
    }
    result.put("polarity_confusion", polarity.asMap());
    result.put("docs_per_second", rows.size() / seconds);
    return result;
  }

  static double f1(long tp, long fp, long fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
