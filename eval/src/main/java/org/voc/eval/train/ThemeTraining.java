package org.voc.eval.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import org.voc.eval.regression.Regressions;
import org.voc.eval.targets.TargetRows;
import org.voc.eval.themes.TaxonomyFile;
import org.voc.eval.themes.ThemeFile;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.SoftmaxHead;
import org.voc.models.SoftmaxHeadTrainer;
import org.voc.models.TrainingOptions;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.ThemeDefinition;
import org.voc.nlp.ThemeDetector;
import org.voc.nlp.VocJson;

/**
 * Trains theme detection on a theme-labeled file: the similarity {@link ThemeDetector.Calibration}
 * (a logistic over the highest cosine to the theme's descriptions and whether the sentence names
 * it, for any taxonomy) and one binary head per theme of this taxonomy over the sentence vector and
 * those two features. Thresholds are chosen on a tenth of the texts held out from fitting, to
 * maximize F1.
 */
public final class ThemeTraining {

  private static final List<String> NO_YES = List.of("no", "yes");

  private ThemeTraining() {}

  public static Map<String, Object> run(Path data, Path taxonomy, int seed, Path out) throws IOException {
    ThemeFile file = ThemeFile.read(data);
    List<ThemeDefinition> themes = TaxonomyFile.themes(taxonomy, file.themeNames());
    List<String> texts = file.rows().stream().map(ThemeFile.Row::text).toList();
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      float[][] vectors;
      try (ProgressBar bar = SentimentTraining.bar("encode texts", texts.size())) {
        vectors = FeatureCache.embed(encoder, texts, bar::stepBy);
      }
      ThemeDetector probe = new ThemeDetector(encoder, new ThemeDetector.Calibration(0, 0, 0, 0.5), null);
      int n = texts.size();
      int k = themes.size();
      double[][] cosine = new double[n][k];
      double[][] named = new double[n][k];
      boolean[][] gold = new boolean[n][k];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < k; t++) {
          cosine[i][t] = probe.maxCosine(themes.get(t), vectors[i]);
          named[i][t] = probe.named(themes.get(t), texts.get(i)) ? 1 : 0;
          gold[i][t] = file.rows().get(i).themes().containsKey(themes.get(t).name());
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed));
      List<Integer> tune = order.subList(0, n / 10);
      List<Integer> fit = order.subList(n / 10, n);

      // The similarity calibration: one logistic for every theme.
      List<float[]> x = new ArrayList<>();
      List<Integer> y = new ArrayList<>();
      for (int i : fit) {
        for (int t = 0; t < k; t++) {
          x.add(new float[] {(float) cosine[i][t], (float) named[i][t]});
          y.add(gold[i][t] ? 1 : 0);
        }
      }
      SoftmaxHead logistic = new SoftmaxHeadTrainer(options(seed, 200, 0.05)).train(
          x.toArray(float[][]::new), y.stream().mapToInt(Integer::intValue).toArray(), NO_YES, "similarity");
      ThemeDetector.Calibration raw = new ThemeDetector.Calibration(
          logistic.bias()[1] - logistic.bias()[0],
          logistic.weights()[1][0] - logistic.weights()[0][0],
          logistic.weights()[1][1] - logistic.weights()[0][1], 0.5);
      double[][] pSimilarity = new double[n][k];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < k; t++) {
          pSimilarity[i][t] = 1 / (1 + Math.exp(-(raw.bias() + raw.similarity() * cosine[i][t]
              + raw.lexical() * named[i][t])));
        }
      }
      // Similarity serves taxonomies without labels, on text unlike the training data: its cut is the
      // lowest at which at least PRECISION of the themes it finds are right, not the best-F1 one
      // (MAMS labels every sentence with two or more themes, which would tune it toward recall).
      double similarityThreshold = precisionThreshold(pSimilarity, gold, tune, allThemes(k));
      ThemeDetector.Calibration calibration = new ThemeDetector.Calibration(raw.bias(), raw.similarity(),
          raw.lexical(), similarityThreshold);

      // One head per theme over the sentence vector and the two similarity features.
      Map<String, ThemeDetector.Heads.Head> heads = new LinkedHashMap<>();
      double[][] pHeads = new double[n][k];
      try (ProgressBar bar = SentimentTraining.bar("train theme heads", k)) {
        for (int t = 0; t < k; t++) {
          float[][] features = new float[fit.size()][];
          int[] labels = new int[fit.size()];
          for (int j = 0; j < fit.size(); j++) {
            int i = fit.get(j);
            features[j] = ThemeDetector.features(vectors[i], cosine[i][t], named[i][t]);
            labels[j] = gold[i][t] ? 1 : 0;
          }
          SoftmaxHead head = new SoftmaxHeadTrainer(options(seed, 100, 0.01)).train(features, labels, NO_YES,
              encoder.name());
          for (int i = 0; i < n; i++) {
            pHeads[i][t] = head.probabilities(ThemeDetector.features(vectors[i], cosine[i][t], named[i][t]))[1];
          }
          heads.put(themes.get(t).name(), new ThemeDetector.Heads.Head(head,
              bestThreshold(pHeads, gold, tune, List.of(t))));
          bar.step();
        }
      }
      ThemeDetector.Heads trained = new ThemeDetector.Heads(heads);
      Files.createDirectories(out);
      VocJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("similarity.json").toFile(), calibration);
      trained.save(out);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("data", Map.of("file", SentimentTraining.shown(data),
          "sha256", Regressions.sha256(TargetRows.fileOf(data))));
      report.put("themes", themes.stream().map(ThemeDefinition::name).toList());
      report.put("seed", seed);
      report.put("fitTexts", fit.size());
      report.put("tuneTexts", tune.size());
      report.put("similarity", calibration);
      report.put("similarityTuneMicroF1", microF1(pSimilarity, gold, tune, similarityThreshold));
      double[] thresholds = new double[k];
      for (int t = 0; t < k; t++) {
        thresholds[t] = heads.get(themes.get(t).name()).threshold();
      }
      report.put("headsTuneMicroF1", microF1(pHeads, gold, tune, thresholds));
      VocJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("theme-training.json").toFile(), report);
      return report;
    }
  }

  private static TrainingOptions options(int seed, int epochs, double learningRate) {
    return TrainingOptions.builder().seed(seed).epochs(epochs).learningRate(learningRate).weightDecay(1e-4)
        .batchSize(64).validationFraction(0.1).patience(10).build();
  }

  private static List<Integer> allThemes(int k) {
    List<Integer> all = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      all.add(t);
    }
    return all;
  }

  /** The share of found themes that must be right at the similarity threshold. */
  static final double PRECISION = 0.8;

  /** The lowest cut in 0.05 .. 0.95 with micro precision of at least {@link #PRECISION}; else the best-F1 one. */
  static double precisionThreshold(double[][] p, boolean[][] gold, List<Integer> rows, List<Integer> themes) {
    for (int step = 1; step < 20; step++) {
      double cut = step / 20.0;
      long tp = 0;
      long fp = 0;
      for (int i : rows) {
        for (int t : themes) {
          if (p[i][t] >= cut) {
            tp += gold[i][t] ? 1 : 0;
            fp += gold[i][t] ? 0 : 1;
          }
        }
      }
      if (tp > 0 && (double) tp / (tp + fp) >= PRECISION) {
        return cut;
      }
    }
    return bestThreshold(p, gold, rows, themes);
  }

  /** The cut in 0.05 .. 0.95 that maximizes micro F1 over {@code themes} on the {@code rows}. */
  static double bestThreshold(double[][] p, boolean[][] gold, List<Integer> rows, List<Integer> themes) {
    double best = 0.5;
    double bestF1 = -1;
    for (int step = 1; step < 20; step++) {
      double cut = step / 20.0;
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (int i : rows) {
        for (int t : themes) {
          boolean on = p[i][t] >= cut;
          tp += on && gold[i][t] ? 1 : 0;
          fp += on && !gold[i][t] ? 1 : 0;
          fn += !on && gold[i][t] ? 1 : 0;
        }
      }
      double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = cut;
      }
    }
    return best;
  }

  private static double microF1(double[][] p, boolean[][] gold, List<Integer> rows, double... cuts) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i : rows) {
      for (int t = 0; t < gold[i].length; t++) {
        boolean on = p[i][t] >= (cuts.length == 1 ? cuts[0] : cuts[t]);
        tp += on && gold[i][t] ? 1 : 0;
        fp += on && !gold[i][t] ? 1 : 0;
        fn += !on && gold[i][t] ? 1 : 0;
      }
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
