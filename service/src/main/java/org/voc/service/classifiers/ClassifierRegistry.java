package org.voc.service.classifiers;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.TextClassifier;
import org.voc.nlp.VocJson;
import org.voc.service.config.ConfigException;
import org.voc.service.config.VocConfig;

/**
 * The classifiers in force and the trainings under way. At start-up: the configuration's {@code
 * classifiers}, then those trained through the API (listed in {@code DATA/classifiers.json}, their
 * files under {@code DATA/models/NAME}), which win over a configured one of the same name. A
 * training runs in the background, one at a time; when it ends, the classifier is saved, listed,
 * and put in force for the documents analyzed from then on.
 */
public final class ClassifierRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClassifierRegistry.class);

  /** The file under the data dir that lists classifiers trained through the API. */
  public static final String FILE = "classifiers.json";

  private final Path data;
  private final ClassifierHost host;
  private final Clock clock;
  private final Map<String, TextClassifier> inForce = new ConcurrentHashMap<>();
  private final Map<String, TrainingStatus> trainings = new ConcurrentHashMap<>();
  private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "voc-classifier-training");
    thread.setDaemon(true);
    return thread;
  });

  private ClassifierRegistry(Path data, ClassifierHost host, Clock clock) {
    this.data = data;
    this.host = host;
    this.clock = clock;
  }

  /** Loads the configured and saved classifiers and puts them in force through {@code host}. */
  public static ClassifierRegistry open(VocConfig config, ClassifierHost host, Clock clock) {
    ClassifierRegistry registry = new ClassifierRegistry(config.data(), host, clock);
    for (TextClassifier classifier : initial(config)) {
      registry.inForce.put(classifier.name(), classifier);
    }
    if (!registry.inForce.isEmpty() && host.vectors() == null) {
      throw new ConfigException("classifiers need the transformer encoder, but analysis.sentiment is corenlp");
    }
    registry.install();
    return registry;
  }

  /** The classifiers start-up puts in force for {@code config}: saved ones over configured ones. */
  public static List<TextClassifier> initial(VocConfig config) {
    Map<String, VocConfig.Classifier> entries = new LinkedHashMap<>();
    config.classifiers().forEach(c -> entries.put(c.name(), c));
    saved(config.data()).forEach(c -> entries.put(c.name(), c));
    List<TextClassifier> out = new ArrayList<>();
    for (VocConfig.Classifier entry : entries.values()) {
      Path dir = entry.path() != null ? entry.path() : modelDir(config.data(), entry.name());
      try {
        out.add(TextClassifier.load(dir, entry.name(), kinds(entry.kinds())));
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("classifiers." + entry.name() + ": " + e.getMessage()
            + " (train one with ./voc train classifier --name " + entry.name() + " --data FILE --out " + dir + ")");
      }
    }
    return out;
  }

  /** Where a classifier named {@code name} trained through the API is kept. */
  public static Path modelDir(Path data, String name) {
    return data.resolve("models").resolve(name);
  }

  public List<TextClassifier> current() {
    return inForce.values().stream().sorted(java.util.Comparator.comparing(TextClassifier::name)).toList();
  }

  public Optional<TextClassifier> get(String name) {
    return Optional.ofNullable(inForce.get(name));
  }

  public Optional<TrainingStatus> training(String name) {
    return Optional.ofNullable(trainings.get(name));
  }

  public Map<String, TrainingStatus> trainings() {
    return Map.copyOf(trainings);
  }

  /** Whether classifiers can be trained here (the analyzer has an encoder). */
  public boolean canTrain() {
    return host.vectors() != null;
  }

  /**
   * Queues a training of {@code name} on {@code rows}; its status is {@link #training}.
   *
   * @throws IllegalStateException when {@code name} is already being trained
   */
  public synchronized TrainingStatus train(String name, List<ClassifierTrainer.Row> rows,
      ClassifierTrainer.Settings settings, Set<DocumentKind> kinds) {
    if (!canTrain()) {
      throw new IllegalStateException("this service has no encoder (analysis.sentiment is corenlp)");
    }
    TrainingStatus running = trainings.get(name);
    if (running != null && running.running()) {
      throw new IllegalStateException("classifier " + name + " is already being trained");
    }
    TrainingStatus queued = TrainingStatus.queued(rows.size(), clock.instant());
    trainings.put(name, queued);
    trainer.execute(() -> run(name, rows, settings, kinds));
    return queued;
  }

  private void run(String name, List<ClassifierTrainer.Row> rows, ClassifierTrainer.Settings settings,
      Set<DocumentKind> kinds) {
    try {
      TextClassifier trained = new ClassifierTrainer(clock).train(rows, settings, host.vectors(),
          (phase, done, total) -> trainings.computeIfPresent(name,
              (n, s) -> s.progress(phase, done, total, clock.instant())));
      TextClassifier classifier = trained.forKinds(kinds);
      save(name, classifier, kinds);
      inForce.put(name, classifier);
      install();
      trainings.computeIfPresent(name, (n, s) -> s.finished(clock.instant()));
      LOG.info("Classifier {} trained: held-out accuracy {}", name, trained.info().heldOut().accuracy());
    } catch (Exception e) {
      LOG.warn("Training classifier {} failed", name, e);
      trainings.computeIfPresent(name, (n, s) -> s.failed(e.getMessage(), clock.instant()));
    }
  }

  private synchronized void save(String name, TextClassifier classifier, Set<DocumentKind> kinds) throws IOException {
    Path dir = modelDir(data, name);
    Path staging = data.resolve("models").resolve("." + name + ".new");
    deleteTree(staging);
    classifier.save(staging);
    deleteTree(dir);
    Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    List<VocConfig.Classifier> list = new ArrayList<>(saved(data));
    list.removeIf(c -> c.name().equals(name));
    list.add(new VocConfig.Classifier(name, null,
        kinds.stream().map(DocumentKind::wireName).sorted().collect(Collectors.toList())));
    Path file = data.resolve(FILE);
    Path temporary = data.resolve(FILE + ".tmp");
    VocJson.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), list);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<VocConfig.Classifier> saved(Path data) {
    Path file = data.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return VocJson.mapper().readValue(file.toFile(), new TypeReference<List<VocConfig.Classifier>>() {});
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file + " cannot be read: " + e.getMessage());
    }
  }

  private void install() {
    host.install().accept(current());
  }

  private static Set<DocumentKind> kinds(List<String> names) {
    return names.stream().map(k -> DocumentKind.parse(k).orElseThrow()).collect(Collectors.toSet());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    trainer.shutdownNow();
  }
}
