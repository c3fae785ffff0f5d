package org.voc.eval.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.voc.eval.targets.TargetRows;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.VocJson;

/**
 * A labeled sentiment file: TSV {@code text<TAB>label} with an optional header line, or JSONL
 * {@code {"text": ..., "label": ...}}. Read in two streaming passes (labels first, then rows in
 * chunks), so files larger than memory work.
 *
 * <p>{@code FILE#odd} and {@code FILE#even} name the rows on odd or even line numbers of {@code
 * FILE}: a fixed two-way split of a dev file, so that one half can calibrate a model and the other
 * measure it, each by the same command; {@code FILE#quarter1} .. {@code #quarter4} the rows on lines
 * 1, 5, 9, .. up to 4, 8, 12, .. (quarters 1 and 3 make the odd half, so a model can train on one
 * and be calibrated on the other, both apart from the even half). {@code FILE#train} and {@code FILE#heldout} name the same
 * 80 / 20 % split of texts as {@link TargetRows} (by a hash of the text), so that a target benchmark
 * can lend its training part to sentence sentiment without its held-out part. {@code
 * FILE#train-sentences} and {@code FILE#heldout-sentences} read a target file (one row per target,
 * as SemEval-2014 Task 4 has them) as sentences: one row per sentence of that part whose targets all
 * have the same polarity, labeled with it, and none for a sentence whose targets differ (those are
 * held in memory while the file is read: target files are small).
 */
public final class LabeledFile {

  private final Path path;
  private final Path file;
  private final Part part;
  private final boolean jsonl;
  private final LabelMapping mapping;
  private final long rows;
  private final Set<SentimentLabel> labels;

  private LabeledFile(Path path, boolean jsonl, LabelMapping mapping, long rows, Set<SentimentLabel> labels) {
    this.path = path;
    this.file = fileOf(path);
    this.part = Part.of(path);
    this.jsonl = jsonl;
    this.mapping = mapping;
    this.rows = rows;
    this.labels = labels;
  }

  /**
   * Opens a file: finds its format, counts its rows and label values. {@code override} is the
   * {@code --labels} mapping, or null for the default conventions.
   */
  public static LabeledFile open(Path path, LabelMapping override) throws IOException {
    Path file = fileOf(path);
    boolean jsonl = file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson|json)$");
    Set<String> values = new LinkedHashSet<>();
    long[] count = {0};
    forEachRaw(file, Part.of(path), jsonl, raw -> {
      values.add(raw.label().trim().toLowerCase(Locale.ROOT));
      count[0]++;
    });
    LabelMapping mapping = override != null ? override : LabelMapping.forValues(values);
    Set<SentimentLabel> labels = EnumSet.noneOf(SentimentLabel.class);
    boolean firstIsHeader = false;
    List<String> unknown = new ArrayList<>();
    int index = 0;
    for (String value : values) {
      var label = mapping.map(value);
      if (label.isPresent()) {
        labels.add(label.get());
      } else if (index == 0 && !jsonl) {
        firstIsHeader = true;
      } else {
        unknown.add(value);
      }
      index++;
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown label values " + unknown.subList(0, Math.min(5, unknown.size()))
          + " in " + path + "; use --labels value=label,... to map them");
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException(path + " has no labeled rows");
    }
    return new LabeledFile(path, jsonl, mapping, count[0] - (firstIsHeader ? 1 : 0), labels);
  }

  /** How many labeled rows the file has. */
  public long rows() {
    return rows;
  }

  /** A binary file has no neutral rows; neutral is then never predicted. */
  public boolean binary() {
    return !labels.contains(SentimentLabel.NEUTRAL);
  }

  public Path path() {
    return path;
  }

  /** Streams the rows in chunks of {@code chunkSize}. */
  public void forEachChunk(int chunkSize, Consumer<List<LabeledText>> consumer) throws IOException {
    List<LabeledText> chunk = new ArrayList<>(chunkSize);
    boolean[] first = {true};
    forEachRaw(file, part, jsonl, raw -> {
      var label = mapping.map(raw.label());
      boolean header = first[0] && !jsonl && label.isEmpty();
      first[0] = false;
      if (header) {
        return;
      }
      chunk.add(new LabeledText(raw.line(), raw.text(), label.orElseThrow()));
      if (chunk.size() == chunkSize) {
        consumer.accept(List.copyOf(chunk));
        chunk.clear();
      }
    });
    if (!chunk.isEmpty()) {
      consumer.accept(List.copyOf(chunk));
    }
  }

  /** All rows in memory (for training sets, which are small). */
  public List<LabeledText> readAll() throws IOException {
    List<LabeledText> all = new ArrayList<>();
    forEachChunk(4096, all::addAll);
    return all;
  }

  private record Raw(long line, String text, String label) {}

  /**
   * The file a path names: {@code FILE#odd}, {@code #even}, {@code #quarterK}, {@code #train},
   * {@code #heldout}, {@code #train-sentences} and {@code #heldout-sentences} name part of {@code FILE}.
   */
  public static Path fileOf(Path path) {
    Part part = Part.of(path);
    return part == Part.ALL ? path
        : path.resolveSibling(path.getFileName().toString().replaceFirst("#" + part.selector + "$", ""));
  }

  /** The rows of a file a path selects. */
  private enum Part {
    ALL(""), ODD("odd"), EVEN("even"), QUARTER1("quarter1"), QUARTER2("quarter2"), QUARTER3("quarter3"),
    QUARTER4("quarter4"), TRAIN("train"), HELDOUT("heldout"), TRAIN_SENTENCES("train-sentences"),
    HELDOUT_SENTENCES("heldout-sentences");

    final String selector;

    Part(String selector) {
      this.selector = selector;
    }

    static Part of(Path path) {
      String name = path.getFileName().toString();
      if (!Files.exists(path)) {
        for (Part part : values()) {
          if (part != ALL && name.endsWith("#" + part.selector)) {
            return part;
          }
        }
      }
      return ALL;
    }

    /** Whether line {@code number} can hold a selected row (before it is read). */
    boolean keepsLine(long number) {
      return switch (this) {
        case ODD -> number % 2 == 1;
        case EVEN -> number % 2 == 0;
        case QUARTER1 -> number % 4 == 1;
        case QUARTER2 -> number % 4 == 2;
        case QUARTER3 -> number % 4 == 3;
        case QUARTER4 -> number % 4 == 0;
        default -> true;
      };
    }

    boolean keepsText(String text) {
      return switch (this) {
        case TRAIN -> !TargetRows.heldOut(text);
        case HELDOUT -> TargetRows.heldOut(text);
        default -> true;
      };
    }

    /** Whether rows are a target file's, read back as one row per sentence whose targets agree. */
    boolean sentences() {
      return this == TRAIN_SENTENCES || this == HELDOUT_SENTENCES;
    }

    /** The part whose rows (one per target) a sentence part is read from. */
    Part rows() {
      return switch (this) {
        case TRAIN_SENTENCES -> TRAIN;
        case HELDOUT_SENTENCES -> HELDOUT;
        default -> this;
      };
    }
  }

  private static void forEachRaw(Path path, Part part, boolean jsonl, Consumer<Raw> consumer)
      throws IOException {
    if (part.sentences()) {
      try {
        agreeingSentences(path, part, jsonl, consumer);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return;
    }
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || !part.keepsLine(number)) {
          continue;
        }
        Raw raw = jsonl ? jsonRow(line, number, path) : tsvRow(line, number, path);
        if (part.keepsText(raw.text())) {
          consumer.accept(raw);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** One row per sentence (its first row's line) whose rows all have the same label, in file order. */
  private static void agreeingSentences(Path path, Part part, boolean jsonl, Consumer<Raw> consumer)
      throws IOException {
    Map<String, Raw> first = new LinkedHashMap<>();
    Set<String> disagreeing = new HashSet<>();
    forEachRaw(path, part.rows(), jsonl, raw -> {
      Raw seen = first.putIfAbsent(raw.text(), raw);
      if (seen != null && !seen.label().trim().equalsIgnoreCase(raw.label().trim())) {
        disagreeing.add(raw.text());
      }
    });
    for (Raw raw : first.values()) {
      if (!disagreeing.contains(raw.text())) {
        consumer.accept(raw);
      }
    }
  }

  private static Raw tsvRow(String line, long number, Path path) {
    int tab = line.lastIndexOf('\t');
    if (tab < 0) {
      throw new IllegalArgumentException(path + ":" + number + ": expected text<TAB>label");
    }
    return new Raw(number, line.substring(0, tab), line.substring(tab + 1));
  }

  private static Raw jsonRow(String line, long number, Path path) {
    try {
      JsonNode node = VocJson.mapper().readTree(line);
      JsonNode text = node.get("text");
      JsonNode label = node.get("label");
      if (text == null || !text.isTextual() || label == null || label.isNull() || label.isContainerNode()) {
        throw new IllegalArgumentException(path + ":" + number + ": expected {\"text\": ..., \"label\": ...}");
      }
      return new Raw(number, text.textValue(), label.asText());
    } catch (IOException e) {
      throw new IllegalArgumentException(path + ":" + number + ": invalid JSON: " + e.getMessage());
    }
  }
}
