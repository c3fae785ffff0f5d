package org.voc.eval.sentiment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;

/**
 * Runs a scorer over a labeled file and computes the scores DESIGN.md promises: accuracy, macro F1,
 * macro recall, per-class scores, n and documents per second. On a binary file the prediction is
 * the larger of negative and positive: neutral is never predicted.
 */
public final class SentimentEvaluation {

  private static final int CHUNK = 256;

  private SentimentEvaluation() {}

  public static Map<String, Object> run(LabeledFile file, SentimentScorer scorer, LongConsumer progress)
      throws IOException {
    List<SentimentLabel> classes = file.binary()
        ? List.of(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE)
        : List.of(SentimentLabel.values());
    ConfusionMatrix matrix = new ConfusionMatrix(classes);
    long start = System.nanoTime();
    file.forEachChunk(CHUNK, chunk -> {
      List<Sentiment.Probabilities> scored = scorer.score(chunk.stream().map(LabeledText::text).toList());
      for (int i = 0; i < chunk.size(); i++) {
        matrix.add(chunk.get(i).label(), predict(scored.get(i), file.binary()));
      }
      progress.accept(chunk.size());
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("task", "sentiment");
    result.put("data", file.path().toString());
    result.put("model", scorer.name());
    result.put("n", matrix.total());
    result.put("binary", file.binary());
    result.put("accuracy", round(matrix.accuracy()));
    result.put("macro_f1", round(matrix.macroF1()));
    result.put("macro_recall", round(matrix.macroRecall()));
    Map<String, Object> perClass = new LinkedHashMap<>();
    matrix.perClass().forEach((label, s) -> {
      Map<String, Object> scores = new LinkedHashMap<>();
      scores.put("precision", round(s.precision()));
      scores.put("recall", round(s.recall()));
      scores.put("f1", round(s.f1()));
      scores.put("support", s.support());
      perClass.put(label, scores);
    });
    result.put("per_class", perClass);
    result.put("confusion", matrix.asMap());
    result.put("docs_per_second", Math.round(matrix.total() / Math.max(seconds, 1e-9) * 10) / 10.0);
    result.put("seconds", Math.round(seconds * 100) / 100.0);
    return result;
  }

  static SentimentLabel predict(Sentiment.Probabilities p, boolean binary) {
    if (binary) {
      return p.positive() >= p.negative() ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
    }
    return p.argmax();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
