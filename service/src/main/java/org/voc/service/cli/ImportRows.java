package org.voc.service.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.voc.nlp.VocJson;

/**
 * The rows of an import file, read one at a time so files larger than memory stream through: CSV
 * (header line first), TSV, or JSON Lines (one object a line), optionally gzipped ({@code .gz}).
 * Each row comes with the line it starts on, or with why it cannot be read.
 */
final class ImportRows implements Closeable {

  /** A row: its first line and its fields, or the reason it is unreadable. */
  record Row(long line, JsonNode fields, String error) {}

  private final CountingStream counted;
  private final BufferedReader reader;
  private final CSVParser csv;
  private final Iterator<CSVRecord> records;
  private final String format;
  private long line;
  private boolean broken;

  private ImportRows(CountingStream counted, BufferedReader reader, CSVParser csv, String format) {
    this.counted = counted;
    this.reader = reader;
    this.csv = csv;
    this.records = csv == null ? null : csv.iterator();
    this.format = format;
  }

  static ImportRows open(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gzip = name.endsWith(".gz");
    String base = gzip ? name.substring(0, name.length() - 3) : name;
    CountingStream counted = new CountingStream(Files.newInputStream(file));
    InputStream in = gzip ? new GZIPInputStream(counted, 1 << 16) : counted;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    if (base.endsWith(".csv") || base.endsWith(".tsv")) {
      CSVFormat csvFormat = CSVFormat.DEFAULT.builder().setDelimiter(base.endsWith(".tsv") ? '\t' : ',')
          .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false).get();
      return new ImportRows(counted, reader, CSVParser.parse(reader, csvFormat), "csv");
    }
    if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
      return new ImportRows(counted, reader, null, "jsonl");
    }
    reader.close();
    throw new IllegalArgumentException(file + ": name it .csv, .tsv, .jsonl or .ndjson (optionally .gz)");
  }

  /** {@code csv} or {@code jsonl}: the default source of the imported documents. */
  String format() {
    return format;
  }

  /** The CSV header's column names; empty for JSON Lines. */
  List<String> header() {
    return csv == null ? List.of() : csv.getHeaderNames();
  }

  /** Bytes of the file read so far (compressed bytes for {@code .gz}), for progress. */
  long bytesRead() {
    return counted.count;
  }

  /** The next row, or null at the end of the file. A broken CSV quote ends the file with an error row. */
  Row next() throws IOException {
    return csv == null ? nextJsonLine() : nextCsvRecord();
  }

  private Row nextJsonLine() throws IOException {
    String text;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      try {
        JsonNode node = VocJson.mapper().readTree(text);
        return node != null && node.isObject() ? new Row(line, node, null)
            : new Row(line, null, "not a JSON object");
      } catch (JsonProcessingException e) {
        return new Row(line, null, "invalid JSON: " + e.getOriginalMessage());
      }
    }
    return null;
  }

  private Row nextCsvRecord() {
    while (!broken) {
      long start = csv.getCurrentLineNumber() + 1;
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          return null;
        }
        record = records.next();
      } catch (java.io.UncheckedIOException | IllegalStateException e) {
        broken = true;
        return new Row(start, null, "unreadable CSV from here on: " + e.getMessage());
      }
      if (record.size() == 1 && record.get(0).isBlank()) {
        continue;
      }
      if (!record.isConsistent()) {
        return new Row(start, null, "the row has " + record.size() + " cells, the header " + header().size());
      }
      ObjectNode fields = JsonNodeFactory.instance.objectNode();
      record.toMap().forEach(fields::put);
      return new Row(start, fields, null);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    if (csv != null) {
      csv.close();
    }
    reader.close();
  }

  /** Counts the bytes that pass, so progress can be shown against the file's size. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count += Math.max(n, 0);
      return n;
    }
  }
}
