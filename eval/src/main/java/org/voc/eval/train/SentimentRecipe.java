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
    Path calibrationFile,
    List<Path> reportFiles,
    String encoder,
    int seed) {

  /** The shipped recipe, with data read from the shared data directory. */
  public static SentimentRecipe shipped(Path sharedData) {
    return new SentimentRecipe(
        List.of(sharedData.resolve("sst3/train.tsv"), sharedData.resolve("sst2/train.tsv")),
        0,
        sharedData.resolve("sst3/dev.tsv"),
        List.of(sharedData.resolve("sst2/dev.tsv"), sharedData.resolve("tweeteval-sentiment/val.tsv")),
        "bge-small-en-v1.5",
        42);
  }
}
