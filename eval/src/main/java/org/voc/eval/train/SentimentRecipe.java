package org.voc.eval.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code voc train sentiment} trains on: the files for the transformer head (three-class
 * sentences and binary phrases), the dev file the CoreNLP + transformer stacking is learned on, the
 * files it reports scores on, and the seed. The default is the recipe of the shipped model.
 */
public record SentimentRecipe(
    List<Path> trainFiles,
    int maxRowsPerFile,
    List<Path> calibrationFiles,
    List<Path> reportFiles,
    String encoder,
    int seed,
    FineTuning fineTuning) {

  /**
   * Fine-tuning of the encoder's top {@code layers} (0: none, a head on frozen vectors only) for
   * {@code epochs}, with the transformer layers' and the classifier's peak learning rates.
   */
  public record FineTuning(int layers, int epochs, double learningRate, double classifierLearningRate,
      int batchSize) {
    public static final FineTuning NONE = new FineTuning(0, 0, 0, 0, 32);
  }

  /** How the shipped model was fine-tuned. */
  public static final FineTuning SHIPPED_FINE_TUNING = new FineTuning(11, 1, 1e-4, 1e-3, 32);

  /** The shipped recipe, with data read from the shared data directory. */
  public static SentimentRecipe shipped(Path sharedData) {
    return new SentimentRecipe(
        List.of(sharedData.resolve("sst3/train.tsv"), sharedData.resolve("sst2/train.tsv"),
            sharedData.resolve("tweeteval-sentiment/val.tsv#odd*4"),
            sharedData.resolve("absa/twitter-target-train.jsonl#train"),
            sharedData.resolve("absa/semeval14-restaurants-train.jsonl#train-sentences*2"),
            sharedData.resolve("absa/semeval14-laptops-train.jsonl#train-sentences*2")),
        0,
        List.of(sharedData.resolve("sst3/dev.tsv"), sharedData.resolve("tweeteval-sentiment/val.tsv#odd")),
        List.of(sharedData.resolve("sst2/dev.tsv"), sharedData.resolve("tweeteval-sentiment/val.tsv#even"),
            sharedData.resolve("tweeteval-sentiment/val.tsv"),
            sharedData.resolve("absa/semeval14-restaurants-train.jsonl#heldout-sentences"),
            sharedData.resolve("absa/semeval14-laptops-train.jsonl#heldout-sentences")),
        "bge-small-en-v1.5",
        42,
        SHIPPED_FINE_TUNING);
  }
}
