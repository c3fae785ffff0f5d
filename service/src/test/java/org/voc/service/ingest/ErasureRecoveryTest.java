package org.voc.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.DocumentIndex;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.DocumentKind;
import org.voc.service.FakeAnalyzer;

/** An erasure cut short (the delete record journaled, the rewrite not done) is finished on the next start. */
class ErasureRecoveryTest {

  private static final String MARKER = "Quokkafrobnicate";

  @TempDir Path dir;

  @Test
  void erasureCutShortByAStopIsFinishedOnStart() throws Exception {
    DocumentKey key = new DocumentKey("web", "E-1");
    try (Stores stores = new Stores(dir)) {
      IngestPipeline pipeline = stores.pipeline();
      pipeline.start();
      Document doc = Document.of("web", "E-1", DocumentKind.POST, MARKER + " said the courier.", Instant.EPOCH);
      pipeline.accept(List.of(new Submission(doc, "h1")), true).getFirst().indexed().get(10, TimeUnit.SECONDS);
      pipeline.close();
    }
    try (Journal journal = Journal.open(dir.resolve("journal"), 1 << 20)) {
      // What a crash right after DELETE journaled its record leaves behind.
      journal.append(List.of(JournalEntry.encode(new JournalEntry.Delete(key))));
    }
    assertThat(filesContaining(MARKER)).isNotEmpty();

    try (Stores stores = new Stores(dir)) {
      IngestPipeline pipeline = stores.pipeline();
      pipeline.start();
      assertThat(pipeline.find(key)).isEmpty();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!filesContaining(MARKER).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(filesContaining(MARKER)).isEmpty();
      pipeline.close();
    }
  }

  /** The index and journal in {@code dir}, closed together. */
  private record Stores(DocumentIndex index, Journal journal) implements AutoCloseable {
    Stores(Path dir) throws IOException {
      this(LuceneDocumentIndex.open(dir.resolve("index")), Journal.open(dir.resolve("journal"), 1 << 20));
    }

    IngestPipeline pipeline() {
      return new IngestPipeline(journal, index, new FakeAnalyzer(), 1, 100, Duration.ofMinutes(10),
          new SimpleMeterRegistry());
    }

    @Override
    public void close() throws IOException {
      index.close();
      journal.close();
    }
  }

  private List<Path> filesContaining(String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(file -> {
        try {
          return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
              .contains(new String(needle, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          return false; // deleted while we looked
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
