package org.voc.eval.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voc.eval.aspects.AspectFile;
import org.voc.eval.aspects.AspectModels;
import org.voc.eval.sentiment.LabelMapping;
import org.voc.eval.sentiment.LabeledFile;
import org.voc.eval.sentiment.SentimentEvaluation;
import org.voc.eval.sentiment.SentimentScorer;
import org.voc.eval.sentiment.SentimentScorers;

/** Runs regressions and returns their checks; shared by {@code voc eval regressions} and the test suite. */
public final class RegressionRunner {

  private final Path sharedData;
  private final int threads;

  public RegressionRunner(Path sharedData, int threads) {
    this.sharedData = sharedData;
    this.threads = threads;
  }

  public List<Regressions.Check> run(Regression regression) throws IOException {
    Path data = sharedData.resolve(regression.data());
    Path dataFile = switch (regression.task()) {
      case "sentiment" -> LabeledFile.fileOf(data);
      case "intent" -> data;
      default -> AspectFile.fileOf(data);
    };
    if (!Files.isRegularFile(dataFile)) {
      throw new IllegalStateException(regression.name() + ": missing data file " + data);
    }
    String sha = Regressions.sha256(dataFile);
    if (regression.sha256() != null && !regression.sha256().equals(sha)) {
      throw new IllegalStateException(regression.name() + ": " + data + " changed (sha256 " + sha
          + ", expected " + regression.sha256() + ")");
    }
    Map<String, Object> result = switch (regression.task()) {
      case "sentiment" -> {
        LabeledFile file = LabeledFile.open(data, regression.labels() == null ? null : LabelMapping.parse(regression.labels()));
        try (SentimentScorer scorer = SentimentScorers.create(regression.model(), threads)) {
          yield SentimentEvaluation.run(file, scorer, n -> { });
        }
      }
      case "aspects" -> AspectModels.evaluate(data, regression.model(), null, n -> { });
      case "themes" -> org.voc.eval.themes.ThemeEvalCommand.evaluate(org.voc.eval.themes.ThemeFile.read(data), null,
          regression.model(), n -> { });
      case "intent" -> org.voc.eval.intent.IntentRegression.run(data, regression.model());
      default -> throw new IllegalStateException("unknown task " + regression.task());
    };
    return new ArrayList<>(Regressions.compare(regression, result));
  }
}
