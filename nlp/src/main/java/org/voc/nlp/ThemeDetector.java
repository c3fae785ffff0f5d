package org.voc.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/**
 * Which themes of the taxonomy each sentence is about. Two kinds of evidence: how close the
 * sentence's vector is to the theme's description and example phrases (the highest cosine), and
 * whether the sentence names the theme or one of its examples. A logistic {@link Calibration},
 * fitted on labeled data by {@code voc train themes}, turns them into a probability and says where
 * to cut. Where a taxonomy has labeled examples, {@link Heads} trained on them for its themes read
 * the sentence vector too, which is more accurate than similarity alone.
 */
public final class ThemeDetector {

  /**
   * {@code p = sigmoid(bias + similarity * maxCosine + lexical * named)}; a sentence is about the
   * theme when {@code p >= threshold}.
   */
  public record Calibration(double bias, double similarity, double lexical, double threshold) {

    public static final String RESOURCE = "org/voc/nlp/themes/similarity.json";

    double probability(double maxCosine, double named) {
      return 1 / (1 + Math.exp(-(bias + similarity * maxCosine + lexical * named)));
    }

    /** The calibration voc ships (fitted on MAMS train with voc's descriptions of its themes). */
    public static Calibration shipped() {
      try (InputStream in = ThemeDetector.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("No classpath resource " + RESOURCE);
        }
        return VocJson.mapper().readValue(in, Calibration.class);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
    }
  }

  /**
   * One trained binary head per theme over {@link #features}, each with its own threshold on the
   * "yes" probability; used for a taxonomy whose themes all have a head.
   */
  public record Heads(Map<String, Head> themes) {

    public record Head(SoftmaxHead head, double threshold) {}

    public Heads {
      themes = Map.copyOf(themes);
    }

    public boolean covers(List<ThemeDefinition> taxonomy) {
      return !taxonomy.isEmpty() && taxonomy.stream().allMatch(t -> themes.containsKey(t.name()));
    }

    /** Classpath folder of the heads voc ships (trained on MAMS train for its eight themes). */
    public static final String RESOURCE = "org/voc/nlp/themes/heads";

    /** Reads heads written by {@link #save}: {@code themes.json} plus one head file per theme. */
    public static Heads load(Path dir) throws IOException {
      Map<String, Double> thresholds;
      try (InputStream in = Files.newInputStream(dir.resolve("themes.json"))) {
        thresholds = thresholds(in);
      }
      Map<String, Head> heads = new java.util.LinkedHashMap<>();
      for (var entry : thresholds.entrySet()) {
        heads.put(entry.getKey(), new Head(SoftmaxHead.load(dir.resolve(fileName(entry.getKey()))), entry.getValue()));
      }
      return new Heads(heads);
    }

    /** The shipped heads, or none if voc ships none. */
    public static java.util.Optional<Heads> shipped() {
      try (InputStream in = ThemeDetector.class.getClassLoader().getResourceAsStream(RESOURCE + "/themes.json")) {
        if (in == null) {
          return java.util.Optional.empty();
        }
        Map<String, Head> heads = new java.util.LinkedHashMap<>();
        for (var entry : thresholds(in).entrySet()) {
          heads.put(entry.getKey(), new Head(SoftmaxHead.loadResource(RESOURCE + "/" + fileName(entry.getKey())),
              entry.getValue()));
        }
        return java.util.Optional.of(new Heads(heads));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
    }

    private static Map<String, Double> thresholds(InputStream in) throws IOException {
      return VocJson.mapper().readValue(in, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Double>>() {});
    }

    private static String fileName(String theme) {
      return "theme-" + theme.replaceAll("[^A-Za-z0-9_-]", "_") + ".json";
    }

    public void save(Path dir) throws IOException {
      Files.createDirectories(dir);
      Map<String, Double> thresholds = new java.util.TreeMap<>();
      for (var entry : themes.entrySet()) {
        thresholds.put(entry.getKey(), entry.getValue().threshold());
        entry.getValue().head().save(dir.resolve(fileName(entry.getKey())));
      }
      VocJson.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("themes.json").toFile(), thresholds);
    }
  }

  private final TextEncoder encoder;
  private final Calibration calibration;
  private final Heads heads;
  /** Embedded themes kept at most: a taxonomy holds at most 200 (see the taxonomy API). */
  private static final int MAX_CACHED_THEMES = 1_000;

  private final Map<ThemeDefinition, Prototype> prototypes = new ConcurrentHashMap<>();

  private record Prototype(float[][] vectors, Set<String> names, List<List<String>> phrases) {}

  /** @param heads trained heads, or null for similarity alone */
  public ThemeDetector(TextEncoder encoder, Calibration calibration, Heads heads) {
    this.encoder = encoder;
    this.calibration = calibration;
    this.heads = heads;
  }

  public TextEncoder encoder() {
    return encoder;
  }

  /**
   * The probability that each sentence is about each theme, {@code [sentence][theme]}, and whether
   * it passes the threshold, from the sentences' texts and their vectors by {@link #encoder}.
   */
  public Scores score(List<ThemeDefinition> themes, List<String> sentences, float[][] vectors) {
    double[][] p = new double[sentences.size()][themes.size()];
    boolean[][] on = new boolean[sentences.size()][themes.size()];
    boolean trained = heads != null && heads.covers(themes);
    List<List<String>> words = sentences.stream().map(ThemeDetector::stems).toList(); // once, not per theme
    if (prototypes.size() > MAX_CACHED_THEMES) {
      prototypes.clear(); // taxonomies replaced many times over: keep only what is in use
    }
    for (int t = 0; t < themes.size(); t++) {
      ThemeDefinition theme = themes.get(t);
      Prototype prototype = prototypes.computeIfAbsent(theme, this::prototype);
      Heads.Head head = trained ? heads.themes().get(theme.name()) : null;
      for (int s = 0; s < sentences.size(); s++) {
        double cosine = maxCosine(prototype.vectors(), vectors[s]);
        double named = named(prototype, words.get(s)) ? 1 : 0;
        if (head != null) {
          p[s][t] = head.head().probabilities(features(vectors[s], cosine, named))[1];
          on[s][t] = p[s][t] >= head.threshold();
        } else {
          p[s][t] = calibration.probability(cosine, named);
          on[s][t] = p[s][t] >= calibration.threshold();
        }
      }
    }
    return new Scores(p, on);
  }

  /** Per sentence and theme: the probability, and whether the sentence is taken to be about it. */
  public record Scores(double[][] probability, boolean[][] about) {}

  /** The highest cosine between the sentence and the theme's name, description and examples. */
  public double maxCosine(ThemeDefinition theme, float[] vector) {
    return maxCosine(prototypes.computeIfAbsent(theme, this::prototype).vectors(), vector);
  }

  /** Whether the sentence names the theme or says one of its example phrases. */
  public boolean named(ThemeDefinition theme, String sentence) {
    return named(prototypes.computeIfAbsent(theme, this::prototype), stems(sentence));
  }

  /** What the trained heads read: the sentence vector, then the two similarity features. */
  public static float[] features(float[] vector, double maxCosine, double named) {
    float[] x = java.util.Arrays.copyOf(vector, vector.length + 2);
    x[vector.length] = (float) maxCosine;
    x[vector.length + 1] = (float) named;
    return x;
  }

  private Prototype prototype(ThemeDefinition theme) {
    List<String> texts = new ArrayList<>();
    texts.add(theme.name());
    if (!theme.description().isBlank()) {
      texts.add(theme.description());
    }
    texts.addAll(theme.examples());
    Set<String> names = new HashSet<>();
    for (String word : words(theme.name().replace('_', ' ').replace('-', ' '))) {
      names.add(stem(word));
    }
    List<List<String>> phrases = theme.examples().stream()
        .map(e -> words(e).stream().map(ThemeDetector::stem).toList())
        .filter(w -> !w.isEmpty())
        .toList();
    return new Prototype(encoder.embed(texts), names, phrases);
  }

  private static double maxCosine(float[][] prototypes, float[] vector) {
    double best = -1;
    for (float[] prototype : prototypes) {
      double dot = 0;
      for (int d = 0; d < vector.length; d++) {
        dot += prototype[d] * vector[d];
      }
      best = Math.max(best, dot);
    }
    return best;
  }

  private static List<String> stems(String sentence) {
    return words(sentence).stream().map(ThemeDetector::stem).toList();
  }

  private static boolean named(Prototype prototype, List<String> words) {
    for (String word : words) {
      if (prototype.names().contains(word)) {
        return true;
      }
    }
    for (List<String> phrase : prototype.phrases()) {
      if (java.util.Collections.indexOfSubList(words, phrase) >= 0) {
        return true;
      }
    }
    return false;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** A crude English stem, enough to match "prices" with "price" and "shipping" with "shipped". */
  static String stem(String word) {
    String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    for (String suffix : List.of("ing", "ed", "es", "s")) {
      if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
        w = w.substring(0, w.length() - suffix.length());
        break;
      }
    }
    if (w.length() > 3 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)) {
      w = w.substring(0, w.length() - 1); // shipp(ing) -> ship
    }
    return w.endsWith("e") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
  }
}
