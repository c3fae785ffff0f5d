package org.voc.service.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voc.crawlers.DocumentSink;
import org.voc.nlp.VocJson;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.VocConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voc ingest FILE}: imports a CSV, TSV or JSON Lines file, streaming, in batches; rejected
 * rows are reported with their line on stderr, progress too, and the counts as JSON on stdout.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Import documents from a CSV, TSV or JSON Lines file (optionally .gz).")
final class IngestCommand implements Callable<Integer> {

  private static final int MAX_REPORTED = 1000;

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: $VOC_CONFIG, else ./voc.yaml if present)")
  Path configFile;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory, without --server (default ./data, or $VOC_DATA)")
  Path data;

  @Mixin SinkOptions sink;

  @Parameters(paramLabel = "FILE", description = "a .csv (header first), .tsv, .jsonl or .ndjson file")
  Path file;

  @Option(names = "--map", paramLabel = "FIELD=COLUMN,...", description = "which column holds which field, e.g. text=review_body,createdAt=date,rating=stars")
  String map;

  @Option(names = "--source", paramLabel = "S", description = "source of rows that name none (default: csv or jsonl)")
  String source;

  @Option(names = "--kind", paramLabel = "K", defaultValue = "review", description = "kind of rows that name none: review (default), ticket or post")
  String kind;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "500", description = "documents per batch (default 500)")
  int batch;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      err.println("voc ingest: no such file: " + file);
      return 2;
    }
    VocConfig config = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath())
        .load(new ConfigLoader.Overrides(configFile, null, null, data));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String status : List.of("rows", "created", "updated", "duplicate", "rejected")) {
      counts.put(status, 0L);
    }
    long started = System.nanoTime();
    try (ImportRows rows = ImportRows.open(file)) {
      ColumnMapping mapping = ColumnMapping.parse(map, source != null ? source : rows.format(), kind);
      checkColumns(mapping, rows.header());
      try (DocumentSink documents = sink.open(config); ProgressBar progress = progressBar()) {
        List<ObjectNode> pending = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (ImportRows.Row row = rows.next(); row != null; row = rows.next()) {
          counts.merge("rows", 1L, Long::sum);
          if (row.error() != null) {
            reject(counts, row.line(), row.error());
            continue;
          }
          pending.add(mapping.toDocument(row.fields()));
          lines.add(row.line());
          if (pending.size() >= batch) {
            flush(documents, pending, lines, counts);
            progress.stepTo(rows.bytesRead());
          }
        }
        flush(documents, pending, lines, counts);
        progress.stepTo(Files.size(file));
      }
    } catch (IllegalArgumentException e) {
      err.println("voc ingest: " + e.getMessage());
      return 2;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("file", file.toString());
    summary.putAll(counts);
    summary.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    out.println(VocJson.mapper().writeValueAsString(summary));
    return 0;
  }

  /** A mapped column that the CSV header lacks is a mistake in --map, found before any row is read. */
  private void checkColumns(ColumnMapping mapping, List<String> header) {
    if (header.isEmpty()) {
      return;
    }
    mapping.columns().forEach((field, column) -> {
      if (!header.contains(column)) {
        throw new IllegalArgumentException("--map " + field + "=" + column + ": the header has no column '"
            + column + "'; it has " + String.join(", ", header));
      }
    });
    if (!mapping.columns().containsKey("text") && !header.contains("text")) {
      throw new IllegalArgumentException("no text column: name one with --map text=COLUMN (the header has "
          + String.join(", ", header) + ")");
    }
  }

  private void flush(DocumentSink documents, List<ObjectNode> pending, List<Long> lines, Map<String, Long> counts)
      throws Exception {
    if (pending.isEmpty()) {
      return;
    }
    List<DocumentSink.Result> results = documents.send(pending);
    for (int i = 0; i < results.size(); i++) {
      DocumentSink.Result result = results.get(i);
      if (result.rejected()) {
        reject(counts, lines.get(i), result.errorCode() + ": " + result.errorMessage());
      } else {
        counts.merge(result.status(), 1L, Long::sum);
      }
    }
    pending.clear();
    lines.clear();
  }

  private void reject(Map<String, Long> counts, long line, String reason) {
    long rejected = counts.merge("rejected", 1L, Long::sum);
    if (rejected <= MAX_REPORTED) {
      err.println(file.getFileName() + ":" + line + ": rejected: " + reason);
    } else if (rejected == MAX_REPORTED + 1) {
      err.println("voc ingest: more rejected rows; only the first " + MAX_REPORTED + " are listed");
    }
  }

  private ProgressBar progressBar() throws java.io.IOException {
    return new ProgressBarBuilder()
        .setTaskName("ingest " + file.getFileName())
        .setInitialMax(Math.max(1, Files.size(file)))
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .setUnit(" KiB", 1024)
        .showSpeed()
        .build();
  }
}
