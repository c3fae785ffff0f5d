package org.voc.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labeled texts for classifiers from CSV, TSV (both with a header line) or JSONL (one object
 * per line). The text column defaults to {@code text}; the label column to the first of {@code
 * category}, {@code intent} and {@code label} that the file has.
 */
public final class LabeledRows {

  /** Label columns tried in order when none is named. */
  public static final List<String> LABEL_COLUMNS = List.of("category", "intent", "label");

  /** The format of a labeled file. */
  public enum Format {
    CSV, TSV, JSONL;

    /** By file name: {@code .tsv}, {@code .jsonl}/{@code .ndjson}/{@code .json}, else CSV. */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".tsv")) {
        return TSV;
      }
      return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
    }
  }

  /** What was read, and from which columns. */
  public record Read(List<ClassifierTrainer.Row> rows, String textColumn, String labelColumn) {}

  private LabeledRows() {}

  public static Read read(Path file, String textColumn, String labelColumn) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, Format.of(file), textColumn, labelColumn);
    }
  }

  public static Read read(String content, Format format, String textColumn, String labelColumn) throws IOException {
    return read(new StringReader(content), format, textColumn, labelColumn);
  }

  /**
   * @param textColumn null for {@code text}
   * @param labelColumn null to pick one of {@link #LABEL_COLUMNS}
   * @throws IllegalArgumentException when a column is missing or a row is malformed, saying which
   */
  public static Read read(Reader reader, Format format, String textColumn, String labelColumn) throws IOException {
    String text = textColumn == null ? "text" : textColumn;
    return format == Format.JSONL ? jsonl(new BufferedReader(reader), text, labelColumn)
        : delimited(reader, format == Format.TSV ? CSVFormat.TDF : CSVFormat.DEFAULT, text, labelColumn);
  }

  private static Read delimited(Reader reader, CSVFormat base, String text, String labelColumn) throws IOException {
    CSVFormat format = base.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    try (var parser = format.parse(reader)) {
      List<String> header = parser.getHeaderNames();
      String label = labelColumn(header, labelColumn);
      if (!header.contains(text)) {
        throw new IllegalArgumentException("no text column '" + text + "' in the header " + header);
      }
      List<ClassifierTrainer.Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (!record.isConsistent()) {
          throw new IllegalArgumentException("line " + record.getRecordNumber() + " has " + record.size()
              + " columns, the header " + header.size());
        }
        rows.add(new ClassifierTrainer.Row(record.get(text), record.get(label).strip()));
      }
      return new Read(rows, text, label);
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("malformed file: " + e.getCause().getMessage(), e);
    }
  }

  private static Read jsonl(BufferedReader reader, String text, String labelColumn) throws IOException {
    ObjectMapper json = VocJson.mapper();
    List<ClassifierTrainer.Row> rows = new ArrayList<>();
    String label = labelColumn;
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode row;
      try {
        row = json.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException("line " + number + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
      if (label == null) {
        List<String> fields = new ArrayList<>();
        row.fieldNames().forEachRemaining(fields::add);
        label = labelColumn(fields, null);
      }
      JsonNode t = row.get(text);
      JsonNode l = row.get(label);
      if (t == null || !t.isTextual() || l == null || l.isNull() || l.isContainerNode()) {
        throw new IllegalArgumentException("line " + number + " needs a string '" + text + "' and a '" + label + "'");
      }
      rows.add(new ClassifierTrainer.Row(t.asText(), l.asText().strip()));
    }
    return new Read(rows, text, label == null ? "label" : label);
  }

  private static String labelColumn(List<String> columns, String named) {
    if (named != null) {
      if (!columns.contains(named)) {
        throw new IllegalArgumentException("no label column '" + named + "' in " + columns);
      }
      return named;
    }
    return LABEL_COLUMNS.stream().filter(columns::contains).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no label column (" + String.join(", ", LABEL_COLUMNS) + ") in " + columns));
  }
}
