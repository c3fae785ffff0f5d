package org.voc.service.classifiers;

import java.util.List;
import java.util.function.Consumer;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.TextClassifier;

/**
 * What classifiers need from the analyzer: the document vectors it computes (to train on) and a way
 * to put classifiers in force (its {@code setClassifiers}).
 *
 * @param vectors null when the analyzer has no encoder: classifiers then cannot be trained or used
 */
public record ClassifierHost(ClassifierTrainer.DocumentVectors vectors, Consumer<List<TextClassifier>> install) {

  /** No encoder: no classifiers. */
  public static final ClassifierHost NONE = new ClassifierHost(null, list -> {});
}
