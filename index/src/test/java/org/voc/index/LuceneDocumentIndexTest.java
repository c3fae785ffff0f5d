package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voc.index.TestDocuments.doc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;

class LuceneDocumentIndexTest {

  // Long enough that only refresh() makes writes visible, unless a test asks otherwise.
  private static final Duration MANUAL = Duration.ofHours(1);

  @TempDir Path dir;

  private final List<LuceneDocumentIndex> opened = new ArrayList<>();

  @AfterEach
  void closeIndexes() throws IOException {
    for (LuceneDocumentIndex index : opened) {
      index.close();
    }
  }

  private LuceneDocumentIndex open(Duration refreshInterval) throws IOException {
    LuceneDocumentIndex index = LuceneDocumentIndex.open(dir, refreshInterval);
    opened.add(index);
    return index;
  }

  private void closeAndForget(LuceneDocumentIndex index) throws IOException {
    opened.remove(index);
    index.close();
  }

  @Test
  void putThenRefreshThenGetReturnsTheSameDocument() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    IndexedDocument stored =
        doc("r-1", "The app crashes <b>every</b> morning.")
            .title("Crashy")
            .brand("Acme")
            .rating(2, 5)
            .kind(DocumentKind.TICKET)
            .sentiment(SentimentLabel.NEGATIVE)
            .createdAt(Instant.parse("2026-11-18T12:34:56.789Z"))
            .build();

    index.put(stored);
    index.refresh();

    assertThat(index.get(stored.key())).contains(stored);
  }

  @Test
  void writesAreInvisibleUntilRefresh() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    IndexedDocument stored = doc("r-1", "hello").build();

    index.put(stored);

    assertThat(index.get(stored.key())).isEmpty();
    assertThat(index.count()).isZero();
    index.refresh();
    assertThat(index.get(stored.key())).isPresent();
  }

  @Test
  void backgroundRefreshMakesWritesVisibleWithoutRefreshCall() throws Exception {
    LuceneDocumentIndex index = open(Duration.ofMillis(20));
    IndexedDocument stored = doc("r-1", "hello").build();

    index.put(stored);

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (index.get(stored.key()).isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(index.get(stored.key())).contains(stored);
  }

  @Test
  void putWithTheSameKeyReplacesTheStoredDocument() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    IndexedDocument first = doc("r-1", "first text").build();
    IndexedDocument second = doc("r-1", "second text").build();

    index.put(first);
    index.put(second);
    index.refresh();

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.get(first.key())).contains(second);
  }

  @Test
  void sameIdFromAnotherSourceIsAnotherDocument() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    index.put(doc("r-1", "one").source("shop").build());
    index.put(doc("r-1", "two").source("forum").build());
    index.refresh();

    assertThat(index.count()).isEqualTo(2);
  }

  @Test
  void deleteRemovesTheDocument() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    IndexedDocument kept = doc("r-1", "kept").build();
    IndexedDocument deleted = doc("r-2", "deleted").build();
    index.put(kept);
    index.put(deleted);
    index.refresh();

    index.delete(deleted.key());
    index.delete(new DocumentKey("shop", "never-there"));
    index.refresh();

    assertThat(index.get(deleted.key())).isEmpty();
    assertThat(index.get(kept.key())).contains(kept);
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void awaitMergesLeavesFewerSegmentsAndEveryDocument() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    List<IndexedDocument> stored = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      IndexedDocument document = doc("m-" + i, "segment number " + i).build();
      stored.add(document);
      index.put(document);
      // Each commit flushes the one document into a segment of its own.
      index.commit(Map.of());
    }

    index.awaitMerges();

    // The merge policy keeps at most 10 segments of a size; 40 one-document segments are merged.
    assertThat(index.segmentCount()).isBetween(1, 10);
    assertThat(index.count()).isEqualTo(40);
    for (IndexedDocument document : stored) {
      assertThat(index.get(document.key())).contains(document);
    }
    // The merged segments are durable once committed.
    index.commit(Map.of("journal.offset", "40"));
    closeAndForget(index);
    LuceneDocumentIndex reopened = open(MANUAL);
    assertThat(reopened.count()).isEqualTo(40);
    assertThat(reopened.segmentCount()).isBetween(1, 10);
  }

  @Test
  void newIndexHasNoCommittedUserData() throws IOException {
    assertThat(open(MANUAL).committedUserData()).isEmpty();
  }

  @Test
  void committedDocumentsAndUserDataSurviveReopen() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    IndexedDocument stored = doc("r-1", "durable").build();
    index.put(stored);
    index.commit(Map.of("journal.offset", "42"));
    assertThat(index.committedUserData()).containsExactlyEntriesOf(Map.of("journal.offset", "42"));
    closeAndForget(index);

    LuceneDocumentIndex reopened = open(MANUAL);

    assertThat(reopened.committedUserData()).containsExactlyEntriesOf(Map.of("journal.offset", "42"));
    assertThat(reopened.get(stored.key())).contains(stored);
  }

  @Test
  void writesAfterTheLastCommitAreGoneAfterReopen() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    IndexedDocument committed = doc("r-1", "committed").build();
    IndexedDocument uncommitted = doc("r-2", "never committed").build();
    index.put(committed);
    index.commit(Map.of("journal.offset", "1"));
    index.put(uncommitted);
    index.delete(committed.key());
    index.refresh();
    closeAndForget(index);

    LuceneDocumentIndex reopened = open(MANUAL);

    // Replaying the journal from the committed offset is what brings these writes back.
    assertThat(reopened.get(uncommitted.key())).isEmpty();
    assertThat(reopened.get(committed.key())).contains(committed);
    assertThat(reopened.committedUserData()).containsEntry("journal.offset", "1");
  }

  @Test
  void laterCommitReplacesTheUserData() throws IOException {
    LuceneDocumentIndex index = open(MANUAL);
    index.commit(Map.of("journal.offset", "1", "old", "x"));
    index.commit(Map.of("journal.offset", "2"));
    closeAndForget(index);

    assertThat(open(MANUAL).committedUserData())
        .containsExactlyEntriesOf(Map.of("journal.offset", "2"));
  }

  @Test
  void concurrentPutsGetsAndSearchesSeeEveryDocument() throws Exception {
    LuceneDocumentIndex index = open(Duration.ofMillis(10));
    int threads = 4;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(pool.submit(writer(index, thread, perThread)));
        work.add(pool.submit(reader(index, perThread)));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    index.refresh();

    assertThat(index.count()).isEqualTo(threads * perThread);
    SearchResult all = index.search(SearchRequest.builder().query("crash").limit(1).build());
    assertThat(all.total()).isEqualTo(threads * perThread);
  }

  private static Callable<Void> writer(LuceneDocumentIndex index, int thread, int count) {
    return () -> {
      for (int i = 0; i < count; i++) {
        index.put(doc("t" + thread + "-" + i, "the app crashes, try " + i).build());
      }
      return null;
    };
  }

  private static Callable<Void> reader(LuceneDocumentIndex index, int count) {
    return () -> {
      for (int i = 0; i < count; i++) {
        index.search(SearchRequest.builder().query("crash OR app").limit(5).build());
        index.get(new DocumentKey("shop", "t0-" + i));
      }
      return null;
    };
  }
}
