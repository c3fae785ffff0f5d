package org.voc.eval.aspects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voc.nlp.VocJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc eval aspects --data FILE[#heldout|#train] [--model shipped|sentence] [--tagger FILE]}. */
@Command(name = "aspects", mixinStandardHelpOptions = true,
    description = "Aspect polarity and aspect-term extraction on a JSONL file of "
        + "{\"text\", \"aspect\", \"from\", \"to\", \"label\"} rows.")
public final class AspectEvalCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "aspect JSONL file; FILE#heldout / FILE#train: 20 / 80 %% of its sentences")
  Path data;

  @Option(names = "--model", defaultValue = "shipped", paramLabel = "MODEL",
      description = "target sentiment model: shipped (the fine-tuned target model; default) or sentence "
          + "(each aspect gets its sentence's sentiment: the baseline)")
  String model;

  @Option(names = "--target-models", paramLabel = "N",
      description = "with --model shipped: average the first N shipped target models (default: all, as analysis.targetModels)")
  Integer targetModels;

  @Option(names = "--tagger", paramLabel = "FILE",
      description = "an aspect-tagger.json from voc train aspects (default: the shipped tagger)")
  Path tagger;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(AspectFile.fileOf(data))) {
      throw new IllegalArgumentException("no such file: " + data);
    }
    int averaged = TargetModelsOption.resolve(targetModels);
    long sentences = AspectFile.read(data).size();
    try (ProgressBar progress = new ProgressBarBuilder()
        .setTaskName("eval aspects")
        .setInitialMax(sentences)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" sentences", 1)
        .build()) {
      Map<String, Object> result = AspectModels.evaluate(data, model, tagger, averaged, progress::stepBy);
      progress.close();
      System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }
    return 0;
  }
}
