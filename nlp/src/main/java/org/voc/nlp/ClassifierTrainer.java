package org.voc.nlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.voc.models.SoftmaxHead;
import org.voc.models.SoftmaxHeadTrainer;
import org.voc.models.TrainingOptions;

/**
 * Trains a {@link TextClassifier} on the user's labeled rows: a stratified held-out share is set
 * aside and reported on; a softmax head is fitted on the document vectors of the rest (DJL's
 * PyTorch engine, early stopping on a tenth of them); its temperature is then fitted on the
 * held-out rows, which leaves every prediction unchanged but makes the probabilities honest, so
 * that "uncertain" (a best label under {@link Settings#minConfidence}) means what it says.
 */
public final class ClassifierTrainer {

  /** A labeled text. */
  public record Row(String text, String label) {}

  /**
   * @param perClass train on at most this many rows per label (0: all), to measure few-shot use
   * @param outOfScope the label that means "none of the others" (null: none)
   * @param minConfidence below this calibrated probability the answer is "uncertain"
   */
  public record Settings(String name, int seed, double heldOutShare, int perClass, String outOfScope,
      double minConfidence, String data, String textColumn, String labelColumn) {

    public Settings {
      if (!(heldOutShare >= 0 && heldOutShare < 1)) {
        throw new IllegalArgumentException("heldOutShare must be in [0, 1): " + heldOutShare);
      }
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
      }
      if (perClass < 0) {
        throw new IllegalArgumentException("perClass must be >= 0");
      }
    }

    /** The defaults: 10 % held out, all rows, uncertain under 0.5, seed 42. */
    public static Settings defaults(String name) {
      return new Settings(name, 42, 0.1, 0, null, 0.5, null, "text", "label");
    }
  }

  /** Reports how far training has got: a phase name and done/total of it. */
  public interface Progress {
    void update(String phase, long done, long total);
  }

  /** Turns texts into the document vectors analysis computes (see {@link DocumentAnalyzer#documentVectors}). */
  public interface DocumentVectors {
    String encoder();

    float[][] vectors(List<String> texts, LongConsumer progress);
  }

  private final Clock clock;

  public ClassifierTrainer(Clock clock) {
    this.clock = clock;
  }

  public TextClassifier train(List<Row> rows, Settings settings, DocumentVectors vectors, Progress progress) {
    long start = System.nanoTime();
    List<String> labels = List.copyOf(new TreeSet<>(rows.stream().map(Row::label).toList()));
    check(rows, labels, settings);
    Map<String, Integer> index = new LinkedHashMap<>();
    labels.forEach(l -> index.put(l, index.size()));
    Split split = split(rows, settings.seed(), settings.heldOutShare());
    List<Row> train = perClass(split.train(), settings.perClass());
    List<Row> heldOut = split.heldOut();

    List<String> texts = new ArrayList<>(train.size() + heldOut.size());
    train.forEach(r -> texts.add(r.text()));
    heldOut.forEach(r -> texts.add(r.text()));
    long[] done = {0};
    float[][] features = vectors.vectors(texts, n -> progress.update("embedding", done[0] += n, texts.size()));
    float[][] trainX = java.util.Arrays.copyOfRange(features, 0, train.size());
    float[][] heldOutX = java.util.Arrays.copyOfRange(features, train.size(), features.length);
    int[] trainY = train.stream().mapToInt(r -> index.get(r.label())).toArray();

    progress.update("training", 0, 1);
    SoftmaxHead head = new SoftmaxHeadTrainer(options(settings.seed()))
        .train(trainX, trainY, labels, vectors.encoder());
    int[] heldOutY = heldOut.stream().mapToInt(r -> index.get(r.label())).toArray();
    double temperature = heldOut.isEmpty() ? 1.0 : Temperature.fit(head, heldOutX, heldOutY);
    head = head.withTemperature(temperature);
    progress.update("training", 1, 1);

    ClassifierInfo provisional = info(settings, labels, vectors.encoder(), rows, train, heldOut, temperature,
        null, 0);
    TextClassifier classifier = new TextClassifier(settings.name(), Set.of(), head, provisional);
    ClassifierInfo.Scores scores = score(classifier, heldOut, heldOutX);
    double seconds = (System.nanoTime() - start) / 1e9;
    ClassifierInfo info = info(settings, labels, vectors.encoder(), rows, train, heldOut, temperature, scores,
        Math.round(seconds * 10) / 10.0);
    return new TextClassifier(settings.name(), Set.of(), head, info);
  }

  /** Adam on a linear head over unit vectors: a large step and no weight decay fit best (BANKING77 tenth). */
  static TrainingOptions options(int seed) {
    return TrainingOptions.builder().seed(seed).epochs(400).learningRate(0.01).weightDecay(0)
        .batchSize(64).validationFraction(0.1).patience(5).build();
  }

  private static void check(List<Row> rows, List<String> labels, Settings settings) {
    if (labels.size() < 2) {
      throw new IllegalArgumentException("training data needs at least 2 labels, found " + labels);
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.text() == null || row.text().isBlank() || row.label() == null || row.label().isBlank()) {
        throw new IllegalArgumentException("row " + (i + 1) + " has an empty text or label");
      }
    }
    if (settings.outOfScope() != null && !labels.contains(settings.outOfScope())) {
      throw new IllegalArgumentException("the out-of-scope label " + settings.outOfScope() + " is not in the data");
    }
  }

  /** Training and held-out rows. */
  public record Split(List<Row> train, List<Row> heldOut) {}

  /**
   * Per label (sorted), a shuffle seeded with {@code seed}; the first {@code share} of each label's
   * rows (none of a label with one row) is held out. The same rows, seed and share give the same
   * split, which is how {@code voc eval intent --data FILE#heldout} scores a model on the rows it
   * did not see.
   */
  public static Split split(List<Row> rows, int seed, double share) {
    Random random = new Random(seed);
    List<Row> train = new ArrayList<>();
    List<Row> heldOut = new ArrayList<>();
    Map<String, List<Row>> byLabel = new java.util.TreeMap<>();
    rows.forEach(r -> byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r));
    for (List<Row> ofLabel : byLabel.values()) {
      java.util.Collections.shuffle(ofLabel, random);
      int held = ofLabel.size() < 2 ? 0 : (int) Math.round(ofLabel.size() * share);
      heldOut.addAll(ofLabel.subList(0, held));
      train.addAll(ofLabel.subList(held, ofLabel.size()));
    }
    return new Split(train, heldOut);
  }

  /** At most {@code perClass} rows of each label, the first ones in {@code rows}' order (0: all). */
  static List<Row> perClass(List<Row> rows, int perClass) {
    if (perClass == 0) {
      return rows;
    }
    Map<String, Integer> taken = new java.util.HashMap<>();
    return rows.stream().filter(r -> taken.merge(r.label(), 1, Integer::sum) <= perClass).toList();
  }

  private static ClassifierInfo.Scores score(TextClassifier classifier, List<Row> heldOut, float[][] x) {
    LabelScores scores = new LabelScores();
    int uncertain = 0;
    int certainRight = 0;
    for (int i = 0; i < heldOut.size(); i++) {
      Classification c = classifier.classify(x[i]);
      String best = c.alternatives().getFirst().label();
      scores.add(heldOut.get(i).label(), best);
      if (c.uncertain()) {
        uncertain++;
      } else if (best.equals(heldOut.get(i).label())) {
        certainRight++;
      }
    }
    int n = heldOut.size();
    return new ClassifierInfo.Scores(n, scores.accuracy(), scores.macroF1(), n == 0 ? 0 : (double) uncertain / n,
        n - uncertain == 0 ? 0 : (double) certainRight / (n - uncertain));
  }

  private ClassifierInfo info(Settings settings, List<String> labels, String encoder, List<Row> rows,
      List<Row> train, List<Row> heldOut, double temperature, ClassifierInfo.Scores scores, double seconds) {
    return new ClassifierInfo(settings.name(), labels, encoder, TextClassifier.DOCUMENT_VECTOR, settings.data(),
        settings.textColumn(), settings.labelColumn(), checksum(rows), rows.size(), train.size(), heldOut.size(),
        settings.heldOutShare(), settings.perClass(), settings.seed(), temperature, settings.minConfidence(), settings.outOfScope(), scores, seconds,
        clock.instant());
  }

  /** SHA-256 over the rows' texts and labels, in order. */
  public static String checksum(List<Row> rows) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Row row : rows) {
        sha.update(row.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(row.label().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
