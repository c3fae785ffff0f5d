package org.voc.service.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.voc.index.LuceneDocumentIndex;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.TaxonomyStore;
import org.voc.service.config.VocConfig;
import org.voc.service.report.IsoWeek;
import org.voc.service.report.ReportFormat;
import org.voc.service.report.WeeklyReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voc report}: the weekly report of an ISO week from the index in the data dir, in one
 * format, to a file or stdout. A service running on that data dir holds the index: ask it instead
 * ({@code GET /v1/reports/weekly}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the weekly sentiment report of an ISO week (default: the last complete week).")
final class ReportCommand implements Callable<Integer> {

  @Option(names = "--week", paramLabel = "YYYY-Www", description = "ISO week, e.g. 2026-W47 (default: the last complete week)")
  String week;

  @Option(names = "--format", paramLabel = "FORMAT", description = "html, json, csv or md (default: from the --out extension, else html)")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the report (default: stdout)")
  Path out;

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: $VOC_CONFIG, else ./voc.yaml if present)")
  Path configFile;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory with the index (default ./data, or $VOC_DATA)")
  Path data;

  PrintStream stdout = System.out;
  PrintStream err = System.err;
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    Optional<ReportFormat> chosen = ReportFormat.parse(format != null ? format : extension(out));
    if (chosen.isEmpty()) {
      err.println("voc report: --format must be html, json, csv or md");
      return 2;
    }
    IsoWeek reported;
    try {
      reported = week == null ? IsoWeek.lastComplete(clock) : IsoWeek.parse(week);
    } catch (IllegalArgumentException e) {
      err.println("voc report: --week: " + e.getMessage());
      return 2;
    }
    if (reported.isFuture(clock)) {
      err.println("voc report: week " + reported + " has not started yet");
      return 2;
    }
    VocConfig config = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath())
        .load(new ConfigLoader.Overrides(configFile, null, null, data));
    Path indexDir = config.data().resolve("index");
    if (!hasIndex(indexDir)) {
      err.println("voc report: no index in " + config.data() + " (ingest documents first, or name --data)");
      return 2;
    }
    String text;
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(indexDir)) {
      WeeklyReporter reporter = new WeeklyReporter(index,
          () -> WeeklyReporter.ownBrands(TaxonomyStore.initial(config)), clock);
      text = chosen.get().render(reporter.report(reported));
    } catch (LockObtainFailedException e) {
      err.println("voc report: a running service holds " + indexDir + "; ask it: GET /v1/reports/weekly?week="
          + reported + "&format=" + chosen.get().extension());
      return 2;
    }
    if (out == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      err.println("voc report: " + reported + " written to " + out);
    }
    return 0;
  }

  private static boolean hasIndex(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  private static String extension(Path file) {
    String name = file == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "html" : name.substring(dot + 1);
  }
}
