package org.voc.service.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The written reports: {@code DIR/2026-W47.html} (and {@code .json}, {@code .csv}, {@code .md}),
 * each written to a temporary file first and moved into place, so a reader never sees half a report.
 */
public final class ReportArchive {

  /** A report file's name: an ISO week and a format's extension. */
  public static final Pattern FILE_NAME = Pattern.compile("(\\d{4}-W\\d{2})\\.(html|json|csv|md)");

  private final Path dir;

  public ReportArchive(Path dir) {
    this.dir = dir;
  }

  /** {@code DATA/reports}. */
  public static ReportArchive in(Path data) {
    return new ReportArchive(data.resolve("reports"));
  }

  /** Writes the report in every format; returns the files. */
  public List<Path> write(WeeklyReport report) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (ReportFormat format : ReportFormat.values()) {
      Path file = file(report.week(), format);
      Path temporary = dir.resolve("." + file.getFileName() + ".tmp");
      Files.writeString(temporary, format.render(report), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      files.add(file);
    }
    return files;
  }

  /** Whether every format of {@code week}'s report is written. */
  public boolean has(IsoWeek week) {
    return Stream.of(ReportFormat.values()).allMatch(f -> Files.isRegularFile(file(week.toString(), f)));
  }

  public Path file(String week, ReportFormat format) {
    return dir.resolve(week + "." + format.extension());
  }

  /** The written file named {@code name} ({@link #FILE_NAME}), if it exists. */
  public Optional<Path> find(String name) {
    Matcher matcher = FILE_NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Path file = dir.resolve(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** One week's written report: when, and the formats written. */
  public record Entry(String week, Instant writtenAt, Map<String, String> files) {}

  /**
   * Every written week, newest first; {@code files} maps each format written to {@code
   * linkPrefix + file name}.
   */
  public List<Entry> list(String linkPrefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Map<String, List<Path>> byWeek = new TreeMap<>(Comparator.reverseOrder());
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches()).forEach(f -> {
        Matcher m = FILE_NAME.matcher(f.getFileName().toString());
        m.matches();
        byWeek.computeIfAbsent(m.group(1), w -> new ArrayList<>()).add(f);
      });
    }
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, List<Path>> week : byWeek.entrySet()) {
      Map<String, String> links = new LinkedHashMap<>();
      Instant written = Instant.EPOCH;
      for (ReportFormat format : ReportFormat.values()) {
        Path file = file(week.getKey(), format);
        if (week.getValue().contains(file)) {
          links.put(format.extension(), linkPrefix + file.getFileName());
          Instant modified = Files.getLastModifiedTime(file).toInstant();
          written = modified.isAfter(written) ? modified : written;
        }
      }
      entries.add(new Entry(week.getKey(), written, links));
    }
    return entries;
  }
}
