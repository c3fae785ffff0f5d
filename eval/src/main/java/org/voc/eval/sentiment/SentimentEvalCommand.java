package org.voc.eval.sentiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voc.nlp.VocJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc eval sentiment --data FILE [--model corenlp|transformer|ensemble|fast|fast-head] [--labels MAP]}. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = "Sentiment accuracy on a TSV (text<TAB>label) or JSONL ({\"text\",\"label\"}) file.")
public final class SentimentEvalCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "labeled TSV or JSONL file")
  Path data;

  @Option(names = "--model", defaultValue = "ensemble", paramLabel = "MODEL",
      description = "corenlp, transformer, ensemble; fast or fast-head (analysis.pipeline: fast with sentiment"
          + " transformer or transformer-head) (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--labels", paramLabel = "MAP", description = "label mapping, e.g. 0=negative,1=positive")
  String labels;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: cores)")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(LabeledFile.fileOf(data))) {
      throw new IllegalArgumentException("no such file: " + data);
    }
    LabeledFile file = LabeledFile.open(data, labels == null ? null : LabelMapping.parse(labels));
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    try (SentimentScorer scorer = SentimentScorers.create(model, workers);
        ProgressBar progress = new ProgressBarBuilder()
            .setTaskName("eval " + scorer.name())
            .setInitialMax(file.rows())
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .setUnit(" docs", 1)
            .build()) {
      Map<String, Object> result = SentimentEvaluation.run(file, scorer, progress::stepBy);
      progress.close();
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }
    return 0;
  }
}
