package org.voc.nlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.voc.models.SoftmaxHead;

/**
 * One of the user's classifiers (e.g. {@code intent}): a softmax head over the document vector the
 * analysis computes anyway (the length-weighted mean of its sentence vectors), so classifying costs
 * one small matrix product per document and no encoder pass of its own. Immutable and thread-safe.
 */
public final class TextClassifier {

  /** The feature every classifier reads: the analysis' document vector. */
  public static final String DOCUMENT_VECTOR = "document-vector";

  static final String HEAD_FILE = "head.json";
  static final String INFO_FILE = "classifier.json";
  private static final int ALTERNATIVES = 3;

  private final String name;
  private final Set<DocumentKind> kinds;
  private final SoftmaxHead head;
  private final ClassifierInfo info;

  /**
   * @param name the key of its output in an analysis (may differ from the name it was trained as)
   * @param kinds the kinds of documents it classifies; empty for all
   * @param head its weights, with the calibrated temperature
   */
  public TextClassifier(String name, Set<DocumentKind> kinds, SoftmaxHead head, ClassifierInfo info) {
    this.name = Objects.requireNonNull(name, "name");
    this.kinds = Set.copyOf(kinds);
    this.head = Objects.requireNonNull(head, "head");
    this.info = Objects.requireNonNull(info, "info");
  }

  public String name() {
    return name;
  }

  public Set<DocumentKind> kinds() {
    return kinds;
  }

  public ClassifierInfo info() {
    return info;
  }

  /** This classifier, for documents of {@code value} (empty: all). */
  public TextClassifier forKinds(Set<DocumentKind> value) {
    return new TextClassifier(name, value, head, info);
  }

  /** The encoder whose document vectors it reads. */
  public String encoder() {
    return head.encoder();
  }

  /** Whether a document of {@code kind} gets this classifier's label (null kind: a bare text, always). */
  public boolean appliesTo(DocumentKind kind) {
    return kind == null || kinds.isEmpty() || kinds.contains(kind);
  }

  /** The label of a document with unit-length document vector {@code vector}. */
  public Classification classify(float[] vector) {
    float[] p = head.probabilities(vector);
    List<String> labels = head.classes();
    List<Integer> order = new ArrayList<>(labels.size());
    for (int c = 0; c < labels.size(); c++) {
      order.add(c);
    }
    order.sort(Comparator.<Integer>comparingDouble(c -> -p[c]).thenComparing(c -> c));
    List<Classification.Alternative> alternatives = new ArrayList<>(ALTERNATIVES);
    for (int c : order.subList(0, Math.min(ALTERNATIVES, order.size()))) {
      alternatives.add(new Classification.Alternative(labels.get(c), round(p[c])));
    }
    int best = order.getFirst();
    boolean uncertain = p[best] < info.minConfidence();
    return new Classification(uncertain ? null : labels.get(best), round(p[best]), uncertain, alternatives);
  }

  /** Writes {@code head.json} and {@code classifier.json} into {@code dir}, creating it. */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    head.save(dir.resolve(HEAD_FILE));
    Path info = dir.resolve(INFO_FILE);
    Path temporary = dir.resolve(INFO_FILE + ".tmp");
    json().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this.info);
    Files.move(temporary, info, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** A classifier saved by {@link #save}, under {@code name} for documents of {@code kinds}. */
  public static TextClassifier load(Path dir, String name, Set<DocumentKind> kinds) throws IOException {
    Path infoFile = dir.resolve(INFO_FILE);
    if (!Files.isRegularFile(infoFile) || !Files.isRegularFile(dir.resolve(HEAD_FILE))) {
      throw new IOException("no classifier in " + dir + " (expected " + INFO_FILE + " and " + HEAD_FILE + ")");
    }
    ClassifierInfo info = json().readValue(infoFile.toFile(), ClassifierInfo.class);
    SoftmaxHead head = SoftmaxHead.load(dir.resolve(HEAD_FILE));
    if (!head.classes().equals(info.labels())) {
      throw new IOException(dir + ": " + HEAD_FILE + " and " + INFO_FILE + " disagree on the labels");
    }
    return new TextClassifier(name, kinds, head, info);
  }

  /** Whether {@code dir} holds a saved classifier. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(INFO_FILE)) && Files.isRegularFile(dir.resolve(HEAD_FILE));
  }

  private static ObjectMapper json() {
    return VocJson.mapper();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
