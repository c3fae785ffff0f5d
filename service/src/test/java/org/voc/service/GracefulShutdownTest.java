package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Document;
import org.voc.service.config.VocConfig;
import org.voc.service.ingest.IngestPipeline;

/**
 * Stopping the service (SIGTERM): requests in flight are answered, new connections are refused, the
 * queue is analyzed for the drain period, and what is left is analyzed after the next start. No
 * acknowledged document is lost, none is analyzed twice.
 */
class GracefulShutdownTest {

  @TempDir Path dir;

  private VocConfig config(int drainSeconds) {
    return new VocConfig("127.0.0.1", 0, dir.resolve("data"), null, null, null, null, null, null,
        new VocConfig.Limits(16L * 1024, 4L << 20, 64, 1000, 30).withRate(0, 0),
        new VocConfig.Analysis(null, 1, null, null), null)
        .withShutdown(new VocConfig.Shutdown(5, drainSeconds));
  }

  @Test
  void queuedDocumentsAreAnalyzedDuringTheDrainAndTheRestAfterTheNextStart() throws Exception {
    int total = 20;
    FakeAnalyzer slow = new FakeAnalyzer();
    VocServer server = VocServer.start(config(1), doc -> {
      sleep(150);
      return slow.apply(doc);
    }, FakeAnalyzer::embed, Clock.systemUTC());
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < total; i++) {
      batch.append(i == 0 ? "" : ",").append(doc("D-" + i));
    }
    ApiClient.Response accepted = new ApiClient(server.port())
        .postJson("/v1/documents?wait=false", "{\"documents\":[" + batch + "]}");
    assertThat(accepted.json().path("counts").path("created").asInt()).isEqualTo(total);

    IngestPipeline.Drained drained = server.stop();

    // 20 documents at 150 ms each take 3 s; the drain gives the single worker 1 s.
    assertThat(drained.indexed()).isPositive();
    assertThat(drained.leftInJournal()).isPositive();
    long indexedBeforeRestart;
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(dir.resolve("data/index"))) {
      indexedBeforeRestart = index.count();
    }
    assertThat(indexedBeforeRestart + drained.leftInJournal()).isEqualTo(total);

    FakeAnalyzer after = new FakeAnalyzer();
    try (VocServer restarted = VocServer.start(config(1), after, FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient api = new ApiClient(restarted.port());
      awaitTrue(() -> api.get("/health").json().path("documents").asLong() == total);
      for (int i = 0; i < total; i++) {
        assertThat(api.get("/v1/documents/shop/D-" + i).json().path("status").asText()).isEqualTo("analyzed");
      }
      // Only what the drain left was analyzed again: what it indexed was committed.
      assertThat(after.calls.get()).isEqualTo(drained.leftInJournal());
    }
  }

  @Test
  void aRequestInFlightIsAnsweredWhileNewConnectionsAreRefused() throws Exception {
    CountDownLatch analyzing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FakeAnalyzer fake = new FakeAnalyzer();
    Function<Document, AnalyzedDocument> held = doc -> {
      analyzing.countDown();
      await(release);
      return fake.apply(doc);
    };
    VocServer server = VocServer.start(config(10), held, FakeAnalyzer::embed, Clock.systemUTC());
    int port = server.port();
    ApiClient api = new ApiClient(port);
    CompletableFuture<ApiClient.Response> waiting =
        CompletableFuture.supplyAsync(() -> api.postJson("/v1/documents?wait=true", doc("W-1")));
    assertThat(analyzing.await(20, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<IngestPipeline.Drained> stopping = CompletableFuture.supplyAsync(() -> {
      try {
        return server.stop();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    awaitTrue(() -> refused(port));
    assertThat(waiting).isNotDone();
    release.countDown();

    ApiClient.Response answer = waiting.get(20, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().path("analysis").path("sentences")).hasSize(1);
    assertThat(stopping.get(20, TimeUnit.SECONDS).leftInJournal()).isZero();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
  }

  private static boolean refused(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String doc(String id) {
    return "{\"source\":\"shop\",\"id\":\"" + id + "\",\"kind\":\"review\",\"text\":\"Parcel " + id + " came late.\"}";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
      sleep(20);
    }
  }
}
