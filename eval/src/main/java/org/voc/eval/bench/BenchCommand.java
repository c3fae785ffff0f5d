package org.voc.eval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc bench}: the benchmark table, each figure with its baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Search latency, weekly report time and memory at N synthetic documents, ingest documents/s end to end "
        + "and CoreNLP sentences/s against their baselines; prints a table and writes JSON.")
public final class BenchCommand implements Callable<Integer> {

  static final Set<String> NAMES = Set.of("search", "report", "memory", "ingest", "corenlp");

  @Option(names = "--docs", description = "synthetic documents to index (default: ${DEFAULT-VALUE})")
  int docs = 1_000_000;

  @Option(names = "--runs", description = "runs per figure; the median is reported (default: ${DEFAULT-VALUE})")
  int runs = 3;

  @Option(names = "--queries", description = "queries per search run (default: ${DEFAULT-VALUE})")
  int queries = 300;

  @Option(names = "--only", split = ",", description = "search, report, memory, ingest and/or corenlp (default: all)")
  Set<String> only = NAMES;

  @Option(names = "--ingest-docs", description = "documents posted per ingest run (default: ${DEFAULT-VALUE})")
  int ingestDocs = 300;

  @Option(names = "--batch", description = "documents per POST, and per encoder call of the baseline (default: ${DEFAULT-VALUE})")
  int batch = 32;

  @Option(names = "--corenlp-texts", description = "texts per CoreNLP run (default: ${DEFAULT-VALUE})")
  int corenlpTexts = 1000;

  @Option(names = "--corenlp-output", split = ",", description = "what the CoreNLP server answers with, a row each: "
      + "json and/or serialized (its protocol buffer) (default: json)")
  List<String> corenlpOutput = List.of("json");

  @Option(names = "--texts", paramLabel = "FILE",
      description = "CSV/TSV/JSONL whose texts ingest and corenlp run over (default: synthetic documents)")
  Path texts;

  @Option(names = "--text-column", description = "the text column of --texts (default: ${DEFAULT-VALUE})")
  String textColumn = "text";

  @Option(names = "--threads", description = "client threads for corenlp (default: one per core, as voc's workers)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--service-classpath", description = "classpath of voc serve for ingest (default: service/target next to eval)")
  String serviceClasspath;

  @Option(names = "--index", paramLabel = "DIR",
      description = "keep the synthetic index in DIR and reuse it on the next run with the same --docs "
          + "(default: a temporary directory, deleted)")
  Path indexDir;

  @Option(names = "--out", description = "the JSON table (default: ${DEFAULT-VALUE})")
  Path out = Path.of("bench.json");

  @Override
  public Integer call() throws Exception {
    if (!NAMES.containsAll(only)) {
      throw new IllegalArgumentException("--only takes " + NAMES + ", not " + only);
    }
    List<CoreNlpServer.Output> outputs = corenlpOutput.stream().map(CoreNlpServer.Output::of).toList();
    String service = !only.contains("ingest") || serviceClasspath != null ? serviceClasspath
        : VocService.defaultClasspath();
    List<Figure> figures = new ArrayList<>();
    if (only.contains("search") || only.contains("report")) {
      try (BenchIndex index = BenchIndex.build(docs, indexDir)) {
        if (!Double.isNaN(index.seconds())) {
          System.err.printf(Locale.ROOT, "indexed %,d documents in %.1f s%n", docs, index.seconds());
        }
        if (only.contains("search")) {
          figures.addAll(index.searchFigures(runs, queries));
        }
        if (only.contains("report")) {
          figures.add(index.reportFigure(runs));
        }
      }
    }
    if (only.contains("memory")) {
      figures.add(MemoryFigure.measure());
    }
    if (only.contains("corenlp")) {
      List<String> sample = BenchTexts.load(texts, textColumn, corenlpTexts);
      System.err.println("corenlp: " + BenchTexts.describe(texts, sample));
      figures.addAll(CoreNlpThroughput.measure(sample, threads, runs, outputs));
    }
    if (only.contains("ingest")) {
      List<String> sample = BenchTexts.load(texts, textColumn, ingestDocs);
      System.err.println("ingest: " + BenchTexts.describe(texts, sample));
      figures.addAll(new IngestThroughput(sample, batch).measure(runs, service));
    }
    System.out.print(table(figures));
    write(figures);
    return 0;
  }

  static String table(List<Figure> figures) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-50s %10s %10s %7s  %-16s %s%n",
        "figure", "voc", "baseline", "ratio", "target", "met"));
    for (Figure f : figures) {
      table.append(String.format(Locale.ROOT, "%-50s %10.2f %10s %7s  %-16s %s%n", f.name() + " (" + f.unit() + ")",
          f.voc(), Double.isNaN(f.baseline()) ? "-" : String.format(Locale.ROOT, "%.2f", f.baseline()),
          Double.isNaN(f.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", f.ratio()), f.target(),
          f.met() == null ? "-" : f.met() ? "yes" : "NO"));
    }
    return table.toString();
  }

  private void write(List<Figure> figures) throws java.io.IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Figure f : figures) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("figure", f.name());
      row.put("unit", f.unit());
      row.put("voc", f.voc());
      row.put("baseline", Double.isNaN(f.baseline()) ? null : f.baseline());
      row.put("ratio", Double.isNaN(f.ratio()) ? null : f.ratio());
      row.put("target", f.target());
      row.put("met", f.met());
      rows.add(row);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("docs", docs);
    json.put("runs", runs);
    json.put("texts", texts == null ? "synthetic" : texts.toString());
    json.put("ingestDocs", ingestDocs);
    json.put("batch", batch);
    json.put("corenlpTexts", corenlpTexts);
    json.put("threads", threads);
    json.put("figures", rows);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
  }
}
