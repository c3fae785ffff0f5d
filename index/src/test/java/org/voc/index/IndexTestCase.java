package org.voc.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with an index in a temporary directory, closed after each test; refreshed by hand. */
abstract class IndexTestCase {

  @TempDir Path dir;

  LuceneDocumentIndex index;

  /** Opens the index; it refreshes only when the test calls {@code refresh()}. */
  void open() throws IOException {
    index = LuceneDocumentIndex.open(dir, Duration.ofHours(1));
  }

  @AfterEach
  void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }
}
