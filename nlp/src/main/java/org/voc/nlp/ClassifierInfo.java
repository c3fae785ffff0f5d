package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What a trained classifier is and where it came from, saved as {@code classifier.json} beside its
 * head, so that every label it gives can be traced to the data and settings that produced it.
 *
 * @param name the classifier's name, e.g. {@code intent}; also the key of its output in an analysis
 * @param labels the labels it can give, sorted
 * @param encoder the encoder whose document vectors it reads
 * @param feature what the features are ({@link TextClassifier#DOCUMENT_VECTOR})
 * @param data the training file's name (not its path) and the columns read from it
 * @param dataChecksum SHA-256 of the training rows (text and label), so a silent data change shows
 * @param rows how many rows were read; {@code trainRows} and {@code heldOutRows} how they were split
 * @param heldOutShare the share of each label's rows held out (see {@link ClassifierTrainer#split})
 * @param perClass at most this many rows per label were trained on (0: all)
 * @param seed the seed of the split and of training
 * @param minConfidence below this calibrated probability the classifier answers "uncertain"
 * @param outOfScope the label that means "none of the others", if the data has one
 * @param heldOut scores on the held-out rows
 * @param trainingSeconds wall time of training, features included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifierInfo(
    String name,
    List<String> labels,
    String encoder,
    String feature,
    String data,
    String textColumn,
    String labelColumn,
    String dataChecksum,
    int rows,
    int trainRows,
    int heldOutRows,
    double heldOutShare,
    int perClass,
    int seed,
    double temperature,
    double minConfidence,
    String outOfScope,
    Scores heldOut,
    double trainingSeconds,
    Instant trainedAt) {

  public ClassifierInfo {
    labels = List.copyOf(labels);
  }

  /**
   * Held-out scores.
   *
   * @param accuracy share of held-out rows whose best label is right
   * @param macroF1 the mean over labels of F1
   * @param uncertainShare share of held-out rows answered "uncertain"
   * @param accuracyWhenCertain accuracy over the rows not answered "uncertain"
   */
  public record Scores(int n, double accuracy, double macroF1, double uncertainShare, double accuracyWhenCertain) {}
}
