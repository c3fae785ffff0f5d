package org.voc.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.DocumentIndex;
import org.voc.index.IndexedDocument;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.BatchAnalyzer;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.DocumentKind;
import org.voc.service.FakeAnalyzer;

class IngestPipelineTest {

  @TempDir Path dir;
  private DocumentIndex index;
  private Journal journal;
  private IngestPipeline pipeline;

  @AfterEach
  void closeAll() throws IOException {
    if (pipeline != null) {
      pipeline.close();
    }
    index.close();
    journal.close();
  }

  private void open(Function<Document, AnalyzedDocument> analyzer, int capacity) throws IOException {
    index = LuceneDocumentIndex.open(dir.resolve("index"));
    journal = Journal.open(dir.resolve("journal"), 1 << 20);
    pipeline = new IngestPipeline(journal, index, analyzer, 2, capacity, Duration.ofMillis(100),
        new SimpleMeterRegistry());
  }

  private static Submission submission(String id, String text) {
    Document doc = Document.of("zendesk", id, DocumentKind.TICKET, text, Instant.parse("2026-11-20T10:00:00Z"));
    return new Submission(doc, Integer.toHexString(text.hashCode()));
  }

  @Test
  void newThenChangedThenRepeatedIsCreatedUpdatedDuplicate() throws Exception {
    open(new FakeAnalyzer(), 100);
    pipeline.start();
    assertThat(pipeline.accept(List.of(submission("T-1", "The app crashes.")), false).getFirst().status())
        .isEqualTo(IngestStatus.CREATED);
    assertThat(pipeline.accept(List.of(submission("T-1", "The app crashes daily.")), false).getFirst().status())
        .isEqualTo(IngestStatus.UPDATED);
    Accepted retry = pipeline.accept(List.of(submission("T-1", "The app crashes daily.")), false).getFirst();
    assertThat(retry.status()).isEqualTo(IngestStatus.DUPLICATE);
    IndexedDocument stored = retry.indexed().get(10, TimeUnit.SECONDS);
    assertThat(stored.document().text()).isEqualTo("The app crashes daily.");
  }

  @Test
  void duplicateIsRecognisedAfterTheDocumentReachedTheIndex() throws Exception {
    open(new FakeAnalyzer(), 100);
    pipeline.start();
    pipeline.accept(List.of(submission("T-1", "Great app.")), false).getFirst().indexed().get(10, TimeUnit.SECONDS);
    pipeline.refresh();
    assertThat(pipeline.find(new DocumentKey("zendesk", "T-1"))).get().isInstanceOf(StoredState.Indexed.class);
    assertThat(pipeline.accept(List.of(submission("T-1", "Great app.")), false).getFirst().status())
        .isEqualTo(IngestStatus.DUPLICATE);
  }

  @Test
  void sameKeyTwiceInOneBatchIsCreatedThenDuplicate() throws Exception {
    open(new FakeAnalyzer(), 100);
    pipeline.start();
    List<Accepted> results = pipeline.accept(List.of(submission("T-9", "Hi."), submission("T-9", "Hi.")), false);
    assertThat(results).extracting(Accepted::status).containsExactly(IngestStatus.CREATED, IngestStatus.DUPLICATE);
  }

  @Test
  void acceptedButUnanalyzedDocumentsAreIndexedAfterRestart() throws Exception {
    // An analyzer that never finishes stands for a process that dies before analysis.
    open(doc -> {
      throw new IllegalStateException("not now");
    }, 100);
    pipeline.accept(List.of(submission("T-1", "The app crashes."), submission("T-2", "I love it.")), false);
    pipeline = null; // never started, never closed: as if killed
    index.close();
    journal.close();

    FakeAnalyzer analyzer = new FakeAnalyzer();
    open(analyzer, 100);
    pipeline.start();
    awaitCount(2);
    assertThat(analyzer.calls.get()).isEqualTo(2);
    assertThat(index.get(new DocumentKey("zendesk", "T-2"))).get()
        .extracting(d -> d.analysis().sentiment().label().wireName()).isEqualTo("positive");
  }

  @Test
  void deletedDocumentIsGoneAndStaysGoneAfterRestart() throws Exception {
    open(new FakeAnalyzer(), 100);
    pipeline.start();
    pipeline.accept(List.of(submission("T-1", "Bad.")), false).getFirst().indexed().get(10, TimeUnit.SECONDS);
    assertThat(pipeline.delete(new DocumentKey("zendesk", "T-1"))).isTrue();
    assertThat(pipeline.find(new DocumentKey("zendesk", "T-1"))).isEmpty();
    assertThat(pipeline.delete(new DocumentKey("zendesk", "T-1"))).isFalse();
    pipeline.close();
    index.close();
    journal.close();
    open(new FakeAnalyzer(), 100);
    pipeline.start();
    pipeline.refresh();
    assertThat(pipeline.find(new DocumentKey("zendesk", "T-1"))).isEmpty();
    assertThat(index.count()).isZero();
  }

  @Test
  void fullQueueRefusesTheWholeBatchAndKeepsWhatWasAccepted() throws Exception {
    open(doc -> {
      throw new IllegalStateException("workers are not started");
    }, 3);
    pipeline.accept(List.of(submission("A", "a."), submission("B", "b.")), false);
    assertThatThrownBy(() -> pipeline.accept(List.of(submission("C", "c."), submission("D", "d.")), false))
        .isInstanceOf(QueueFullException.class);
    assertThat(pipeline.queued()).isEqualTo(2);
    assertThat(pipeline.find(new DocumentKey("zendesk", "A"))).get().isInstanceOf(StoredState.Pending.class);
    assertThat(pipeline.find(new DocumentKey("zendesk", "C"))).isEmpty();
  }

  @Test
  void failedAnalysisStillIndexesTheDocument() throws Exception {
    open(doc -> {
      throw new IllegalArgumentException("model broke");
    }, 100);
    pipeline.start();
    IndexedDocument stored = pipeline.accept(List.of(submission("T-1", "text")), false).getFirst()
        .indexed().get(10, TimeUnit.SECONDS);
    assertThat(stored.analysis().modelVersions()).containsEntry("error", "IllegalArgumentException");
  }

  @Test
  void aBacklogIsAnalyzedInBatchesAndEveryDocumentIndexedOnce() throws Exception {
    FakeAnalyzer fake = new FakeAnalyzer();
    Function<Document, AnalyzedDocument> analyzer = gated(fake);
    List<Integer> batches = new CopyOnWriteArrayList<>();
    open(BatchAnalyzer.of(analyzer, docs -> {
      batches.add(docs.size());
      return docs.stream().map(analyzer).toList();
    }), 200);
    pipeline.start();
    List<Submission> backlog = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      backlog.add(submission("T-" + i, i % 2 == 0 ? "I love it." : "It crashes."));
    }
    pipeline.accept(backlog, false);
    gate.countDown(); // the workers held the first jobs until the backlog was queued

    awaitCount(100);
    assertThat(fake.calls.get()).as("analyses").isEqualTo(100);
    assertThat(batches).isNotEmpty().allSatisfy(size -> assertThat(size).isBetween(2, IngestPipeline.MAX_BATCH));
    assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(50);
    assertThat(index.get(new DocumentKey("zendesk", "T-41"))).get()
        .extracting(d -> d.analysis().sentiment().label().wireName()).isEqualTo("negative");
  }

  @Test
  void aBatchThatFailsIsAnalyzedOneAtATimeSoOnlyTheBadDocumentLosesItsAnalysis() throws Exception {
    Function<Document, AnalyzedDocument> fake = gated(new FakeAnalyzer());
    Function<Document, AnalyzedDocument> single = doc -> {
      if (doc.text().contains("poison")) {
        throw new IllegalArgumentException("cannot analyze this one");
      }
      return fake.apply(doc);
    };
    open(BatchAnalyzer.of(single, docs -> docs.stream().map(single).toList()), 200);
    pipeline.start();
    List<Submission> backlog = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      backlog.add(submission("T-" + i, i == 7 ? "A poison pill." : "Great app."));
    }
    pipeline.accept(backlog, false);
    gate.countDown();

    awaitCount(40);
    assertThat(index.get(new DocumentKey("zendesk", "T-7"))).get()
        .satisfies(d -> assertThat(d.analysis().modelVersions()).containsEntry("error", "IllegalArgumentException"));
    for (int i = 0; i < 40; i++) {
      if (i != 7) {
        assertThat(index.get(new DocumentKey("zendesk", "T-" + i))).get()
            .satisfies(d -> assertThat(d.analysis().modelVersions()).doesNotContainKey("error"));
      }
    }
  }

  @Test
  void urgentDocumentsAreNotBatchedWithBulkWork() throws Exception {
    Function<Document, AnalyzedDocument> fake = gated(new FakeAnalyzer());
    List<List<String>> batches = new CopyOnWriteArrayList<>();
    open(BatchAnalyzer.of(fake, docs -> {
      batches.add(docs.stream().map(Document::id).toList());
      return docs.stream().map(fake).toList();
    }), 200);
    List<Submission> bulk = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      bulk.add(submission("B-" + i, "Fine."));
    }
    pipeline.start();
    pipeline.accept(bulk, false);
    pipeline.accept(List.of(submission("U-1", "Help."), submission("U-2", "Help!"), submission("U-3", "Now.")), true);
    gate.countDown();

    awaitCount(63);
    assertThat(batches).isNotEmpty().allSatisfy(ids -> assertThat(ids.stream().map(id -> id.charAt(0)).distinct())
        .as("one batch: %s", ids).hasSize(1));
    // Each of the two workers may hold bulk work from before the urgent documents came; then theirs.
    assertThat(batches.subList(0, Math.min(3, batches.size())))
        .anySatisfy(ids -> assertThat(ids).allMatch(id -> id.startsWith("U-")));
  }

  private final CountDownLatch gate = new CountDownLatch(1);

  /** {@code fake}, whose analyses wait until {@link #gate} opens. */
  private Function<Document, AnalyzedDocument> gated(FakeAnalyzer fake) {
    return doc -> {
      try {
        assertThat(gate.await(20, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return fake.apply(doc);
    };
  }

  private void awaitCount(long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      index.refresh();
      if (index.count() == expected) {
        return;
      }
      Thread.sleep(20);
    }
    assertThat(index.count()).isEqualTo(expected);
  }
}
