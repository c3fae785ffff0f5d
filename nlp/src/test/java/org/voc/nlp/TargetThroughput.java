package org.voc.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.voc.models.BertTopFile;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;

/**
 * Prints targets per second of the shipped target model run as the service ran it before, inside a
 * whole encoder's pass (the encoder's own layers above the top's first run too, for search vectors
 * nobody reads), and as a classifier alone ({@link org.voc.models.EncoderModel#loadClassifier}),
 * medians of 3 alternating runs over the same targets, their ratio, and the largest difference
 * between the two's probabilities. The targets are the gold ones of a JSONL file of {@code {"text",
 * "from", "to"}} or {@code {"text", "themes": [{"name"}]}} rows. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -pl nlp dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt && mvn -q -pl nlp test-compile
 * java -Dai.djl.offline=true -cp nlp/target/classes:nlp/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.voc.nlp.TargetThroughput ../shared/data/themes/mams-acsa-dev.jsonl
 * </pre>
 */
public final class TargetThroughput {

  private TargetThroughput() {}

  public static void main(String[] args) throws IOException {
    List<TargetSentimentModel.Target> targets = read(Path.of(args[0]));
    BertTopFile.Weights top = ShippedSentiment.readTop(ShippedSentiment.TARGET_TOP);
    EncoderSettings settings = EncoderSettings.defaults();
    try (OnnxTextEncoder whole = ShippedSentiment.encoderModel().load(settings, -1, top);
        OnnxTextEncoder alone = ShippedSentiment.encoderModel().loadClassifier(settings, top)) {
      TargetTransformer.PairFormat format = ShippedSentiment.targetPairs(top);
      TargetTransformer before = new TargetTransformer(whole, format, "whole");
      TargetTransformer after = new TargetTransformer(alone, format, "classifier");
      double[] base = new double[3];
      double[] pruned = new double[3];
      List<Sentiment> a = null;
      List<Sentiment> b = null;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        a = before.score(targets);
        base[run] = targets.size() / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        b = after.score(targets);
        pruned[run] = targets.size() / ((System.nanoTime() - start) / 1e9);
      }
      double maxDiff = 0;
      for (int i = 0; i < targets.size(); i++) {
        Sentiment.Probabilities p = a.get(i).probabilities();
        Sentiment.Probabilities q = b.get(i).probabilities();
        maxDiff = Math.max(maxDiff, Math.max(Math.abs(p.negative() - q.negative()),
            Math.max(Math.abs(p.neutral() - q.neutral()), Math.abs(p.positive() - q.positive()))));
      }
      System.out.printf("targets %d: whole encoder %s, classifier alone %s targets/s; medians %.1f and %.1f,"
          + " ratio %.2f; largest probability difference %.2e%n", targets.size(), Arrays.toString(round(base)),
          Arrays.toString(round(pruned)), median(base), median(pruned), median(pruned) / median(base), maxDiff);
    }
  }

  private static List<TargetSentimentModel.Target> read(Path file) throws IOException {
    List<TargetSentimentModel.Target> targets = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = VocJson.mapper().readTree(line);
      String text = row.get("text").asText();
      if (row.has("themes")) {
        for (JsonNode theme : row.get("themes")) {
          targets.add(TargetSentimentModel.Target.about(text, theme.get("name").asText()));
        }
      } else {
        targets.add(TargetSentimentModel.Target.at(text, row.get("from").asInt(), row.get("to").asInt()));
      }
    }
    return targets;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] round(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
  }
}
