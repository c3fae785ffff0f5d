package org.voc.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.voc.index.DocumentIndex;

/**
 * Gauges of what the data dir holds, read at each scrape: documents in the index, and bytes on disk
 * of the index and of the journal (a journal that keeps growing past a segment means the index
 * commits stall).
 */
final class StorageMetrics {

  private StorageMetrics() {}

  static void register(MeterRegistry metrics, DocumentIndex index, Path indexDir, Path journalDir) {
    Gauge.builder("voc.index.documents", index, StorageMetrics::count)
        .description("Documents in the index (searchable now)").strongReference(true).register(metrics);
    Gauge.builder("voc.index.size", indexDir, StorageMetrics::bytes).baseUnit("bytes")
        .description("Bytes on disk of the index directory").strongReference(true).register(metrics);
    Gauge.builder("voc.journal.size", journalDir, StorageMetrics::bytes).baseUnit("bytes")
        .description("Bytes on disk of the journal (a segment is deleted once the index has committed all its records)")
        .strongReference(true).register(metrics);
  }

  private static double count(DocumentIndex index) {
    try {
      return index.count();
    } catch (IOException | RuntimeException e) {
      return Double.NaN; // closed while shutting down
    }
  }

  /** The sum of the sizes of the files under {@code dir}; files deleted while walking are skipped. */
  static double bytes(Path dir) {
    long[] total = {0};
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          total[0] += attrs.size();
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // Lucene or the journal deleted it meanwhile
        }
      });
    } catch (IOException e) {
      return Double.NaN;
    }
    return total[0];
  }
}
