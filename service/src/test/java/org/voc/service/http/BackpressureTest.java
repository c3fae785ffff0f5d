package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.crawlers.DocumentSink;
import org.voc.crawlers.HttpDocumentSink;
import org.voc.nlp.VocJson;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * Backpressure at ten times the sustainable rate, in-process with a fake analyzer of fixed cost
 * ({@value #ANALYSIS_MILLIS} ms a document on {@value #WORKERS} workers). After single documents
 * at a low rate (the latency before), the test measures the sustainable rate R (how fast a batch of
 * three quarters of the queue is analyzed; R is the larger of that and the rate under overload),
 * then sends batches (JSON and NDJSON), single documents, retries of acknowledged ones, Zendesk
 * webhooks and {@code ./voc ingest}'s client ({@link HttpDocumentSink}) for a few seconds, paced at 15
 * times the most the workers could do were analysis all they did, and asserted to reach 10 × R.
 * Every answer must be 2xx, or 429 {@code queue_full} with {@code Retry-After}; afterwards every
 * acknowledged document is indexed once with its text and nothing of a refused request is; the
 * queue never held more than its capacity, and the heap after GC grew by less than {@value
 * #HEAP_GROWTH_MB} MB. Then, at a third of R, refused documents sent again are all accepted, none
 * refused, at about the latency of before.
 */
class BackpressureTest {

  private static final long ANALYSIS_MILLIS = 25;
  private static final int WORKERS = 2;
  private static final int CAPACITY = 200;
  /** The most documents a second the workers could analyze, were nothing else to take time. */
  private static final double CEILING = WORKERS * 1000.0 / ANALYSIS_MILLIS;
  private static final double OFFERED_FACTOR = 15;
  private static final double REQUIRED_FACTOR = 10;
  private static final long OVERLOAD_MILLIS = 5_000;
  private static final long HEAP_GROWTH_MB = 64;
  private static final int BASELINE_DOCS = 30;
  private static final double BASELINE_RATE = 15;
  private static final int RECOVERY_RETRIES = 40;
  private static final long SEED = Long.getLong("voc.backpressure.seed", 20261210L);

  @TempDir Path dir;

  @Test
  void atTenTimesTheSustainableRateIngestAnswers429WithRetryAfterLosesNothingAcknowledgedAndRecovers()
      throws Exception {
    FakeAnalyzer fake = new FakeAnalyzer();
    try (VocServer server = VocServer.start(config(), document -> {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ANALYSIS_MILLIS)); // the fixed cost of one analysis
      return fake.apply(document);
    }, FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient api = new ApiClient(server.port());
      Ledger ledger = new Ledger();

      List<Long> before = steady(api, ledger, fresh("base", BASELINE_DOCS), BASELINE_RATE);
      double measured = measureSustainableRate(api, ledger);
      long heapBefore = heapAfterGc();

      QueueSampler sampler = QueueSampler.start(new ApiClient(server.port()));
      Overload load = overload(server.port(), ledger, CEILING * OFFERED_FACTOR);
      awaitIndexed(api, ledger);
      sampler.stop();
      long heapAfter = heapAfterGc();
      double sustainable = Math.max(measured, load.analyzedPerSecond());

      assertThat(ledger.unexpected).as("answers other than 2xx and 429 queue_full with Retry-After").isEmpty();
      assertThat(load.offeredPerSecond()).as("documents offered a second, against R = %.0f", sustainable)
          .isGreaterThanOrEqualTo(REQUIRED_FACTOR * sustainable);
      assertThat(ledger.refusedRequests.get()).as("requests answered 429").isPositive();
      assertThat(sampler.maxDepth()).as("largest queue depth seen in /metrics").isBetween(1L, (long) CAPACITY);
      long growthMb = (heapAfter - heapBefore) >> 20;
      assertThat(growthMb).as("heap after GC, growth in MB").isLessThan(HEAP_GROWTH_MB);
      assertIndexedOnceWithTheirText(api, ledger, List.copyOf(ledger.acknowledged.values()));
      assertNothingRefusedWasIndexed(api, ledger);

      List<Doc> retries = someOfEachSource(ledger.refusedNeverAcknowledged(), RECOVERY_RETRIES);
      long refusedBefore = ledger.refusedRequests.get();
      List<Long> after = steady(api, ledger, retries, sustainable / 3);
      assertThat(ledger.refusedRequests.get()).as("429s at a third of R, after the overload").isEqualTo(refusedBefore);
      assertThat(ledger.unexpected).isEmpty();
      awaitIndexed(api, ledger);
      assertIndexedOnceWithTheirText(api, ledger, retries);
      assertThat(median(after)).as("median latency (ms) after the overload, against %d ms before", median(before))
          .isLessThanOrEqualTo(5 * median(before) + 100);

      System.out.printf(Locale.ROOT, "Backpressure: R %.0f docs/s (a batch drained: %.0f, analyzed under overload:"
              + " %.0f); %.0f s at %.0f docs/s offered (%.1f × R): %d requests (%d documents), %d × 429 (%d of them"
              + " webhooks; answered in a median %d ms; Retry-After %d-%d s), 0 × 5xx, %d import batches"
              + " (%d gave up); %d documents acknowledged, %d indexed, 0 lost, 0 twice; max queue depth %d of %d;"
              + " heap after GC %+d MB (peak in use %d MB); then %d refused documents sent again at R/3: all accepted,"
              + " 0 × 429, median %d ms (before the overload %d ms)%n",
          sustainable, measured, load.analyzedPerSecond(), load.seconds(), load.offeredPerSecond(),
          load.offeredPerSecond() / sustainable, load.requests(), load.documents(), refusedBefore,
          ledger.refusedWebhooks.get(), median(ledger.refusedMillis), ledger.retryAfterMin.get(),
          ledger.retryAfterMax.get(), load.importBatches(), load.importGaveUp(), ledger.acknowledged.size(),
          documents(api), sampler.maxDepth(), CAPACITY, growthMb, sampler.peakHeapMb(), retries.size(), median(after),
          median(before));
    }
  }

  private VocConfig config() {
    VocConfig.Limits limits = new VocConfig.Limits(16L * 1024, 4L << 20, 64, CAPACITY, 30).withRate(0, 0);
    return new VocConfig("127.0.0.1", 0, dir.resolve("data"), null, null, null, null, null, null, limits,
        new VocConfig.Analysis(null, WORKERS, null, null), null);
  }

  /** Documents a second the workers get through: a batch of 3/4 of the queue, from posted to analyzed. */
  private static double measureSustainableRate(ApiClient api, Ledger ledger) {
    List<Doc> batch = fresh("rate", CAPACITY * 3 / 4);
    long analyzed = analyzedCount(api);
    long start = System.nanoTime();
    ledger.record(api.postJson("/v1/documents", batchJson(batch)), batch);
    awaitTrue(() -> analyzedCount(api) >= analyzed + batch.size(), 60);
    double perSecond = batch.size() / ((System.nanoTime() - start) / 1e9);
    awaitIndexed(api, ledger);
    return perSecond;
  }

  /** {@code voc_documents_analyzed_total} from /metrics. */
  private static long analyzedCount(ApiClient api) {
    return api.get("/metrics").body().lines().filter(l -> l.startsWith("voc_documents_analyzed_total "))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
  }

  /** Sends these documents one by one at {@code perSecond}; the latency of each answer in ms. */
  private static List<Long> steady(ApiClient api, Ledger ledger, List<Doc> docs, double perSecond) {
    List<Long> latencies = new ArrayList<>();
    paced(perSecond, Long.MAX_VALUE, docs.size(), i -> {
      Doc doc = docs.get(i);
      long start = System.nanoTime();
      ApiClient.Response answer = doc.source().equals("zendesk")
          ? api.postJson("/v1/webhooks/zendesk", webhookJson(doc)) : api.postJson("/v1/documents", doc.json());
      latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      ledger.record(answer, List.of(doc));
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    });
    return latencies;
  }

  /** What the overload sent. */
  private record Overload(double seconds, long requests, long documents, long analyzed, long importBatches,
      long importGaveUp) {
    double offeredPerSecond() {
      return documents / seconds;
    }

    double analyzedPerSecond() {
      return analyzed / seconds;
    }
  }

  /**
   * Four batch clients (10-60 documents, JSON and NDJSON by turns), two of single documents (every
   * eighth one acknowledged before, sent again) and one of Zendesk webhooks, paced together at
   * {@code perSecond} documents; and the import client, as fast as its Retry-After lets it.
   */
  private static Overload overload(int port, Ledger ledger, double perSecond) throws Exception {
    double singlesPerClient = 30;
    double webhooks = 25;
    double batchesPerClient = (perSecond - 2 * singlesPerClient - webhooks) / 4 / 35;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OVERLOAD_MILLIS);
    AtomicLong requests = new AtomicLong();
    AtomicLong documents = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> paced = new ArrayList<>();
    ApiClient metrics = new ApiClient(port);
    long analyzedBefore = analyzedCount(metrics);
    long start = System.nanoTime();
    for (int c = 0; c < 4; c++) {
      String name = "b" + c;
      Random random = new Random(SEED + c);
      ApiClient api = new ApiClient(port);
      paced.add(clients.submit(() -> paced(batchesPerClient, deadline, Integer.MAX_VALUE, i -> {
        List<Doc> batch = fresh(name + "-" + i, 10 + random.nextInt(51));
        ledger.send(() -> i % 2 == 1 ? api.post("/v1/documents", "application/x-ndjson", ndjsonOf(batch))
            : api.postJson("/v1/documents", batchJson(batch)), batch);
        requests.incrementAndGet();
        documents.addAndGet(batch.size());
      })));
    }
    for (int c = 0; c < 2; c++) {
      String name = "s" + c;
      Random random = new Random(SEED + 10 + c);
      ApiClient api = new ApiClient(port);
      List<Doc> sent = new ArrayList<>();
      paced.add(clients.submit(() -> paced(singlesPerClient, deadline, Integer.MAX_VALUE, i -> {
        List<Doc> acknowledged = sent.stream().filter(d -> ledger.acknowledged.containsKey(d.key())).toList();
        Doc doc = i % 8 == 7 && !acknowledged.isEmpty() ? acknowledged.get(random.nextInt(acknowledged.size()))
            : fresh(name + "-" + i, 1).getFirst();
        sent.add(doc);
        ledger.send(() -> api.postJson("/v1/documents", doc.json()), List.of(doc));
        requests.incrementAndGet();
        documents.incrementAndGet();
      })));
    }
    ApiClient webhookApi = new ApiClient(port);
    paced.add(clients.submit(() -> paced(webhooks, deadline, Integer.MAX_VALUE, i -> {
      Doc ticket = Doc.ticket("w-" + i);
      ledger.send(() -> webhookApi.postJson("/v1/webhooks/zendesk", webhookJson(ticket)), List.of(ticket));
      requests.incrementAndGet();
      documents.incrementAndGet();
    })));
    AtomicLong importBatches = new AtomicLong();
    AtomicLong importGaveUp = new AtomicLong();
    Future<?> importing = clients.submit(() -> {
      try (DocumentSink sink = new HttpDocumentSink(URI.create("http://127.0.0.1:" + port), null)) {
        for (int i = 0; System.nanoTime() < deadline; i++) {
          importBatches.incrementAndGet();
          List<Doc> batch = fresh("i-" + i, 20).stream().map(d -> d.withSource("bp-import")).toList();
          if (!ledger.recordImport(sink, batch)) {
            importGaveUp.incrementAndGet();
          }
        }
      }
      return null;
    });
    for (Future<?> client : paced) {
      client.get(90, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long analyzed = analyzedCount(metrics) - analyzedBefore;
    importing.get(90, TimeUnit.SECONDS); // it may still wait out a Retry-After
    clients.shutdown();
    return new Overload(seconds, requests.get(), documents.get(), analyzed, importBatches.get(), importGaveUp.get());
  }

  /** Calls {@code send} with 0, 1, 2, ... at {@code perSecond}, until {@code count} or the deadline. */
  private static void paced(double perSecond, long deadline, int count, IntConsumer send) {
    long interval = (long) (1e9 / perSecond);
    long next = System.nanoTime();
    for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
        next = System.nanoTime(); // fell behind by a second: go on at the rate, not in a burst
      }
      send.accept(i);
      next += interval;
    }
  }

  /** These documents are analyzed with their text, and the index holds each acknowledged one once. */
  private static void assertIndexedOnceWithTheirText(ApiClient api, Ledger ledger, List<Doc> docs) {
    List<String> wrong = docs.parallelStream().<String>mapMulti((doc, out) -> {
      ApiClient.Response stored = api.get("/v1/documents/" + doc.source() + "/" + doc.id());
      JsonNode body = stored.status() == 200 ? stored.json() : null;
      if (body == null || !body.path("status").asText().equals("analyzed")
          || !body.path("document").path("text").asText().equals(doc.text())) {
        out.accept(doc.key() + ": " + stored.status() + " " + stored.body());
      }
    }).toList();
    assertThat(wrong).as("acknowledged documents not indexed with their text").isEmpty();
    Map<String, Long> bySource = ledger.acknowledged.values().stream()
        .collect(Collectors.groupingBy(Doc::source, Collectors.counting()));
    bySource.forEach((source, count) -> assertThat(api.get("/v1/search?mode=keyword&limit=1&source=" + source)
        .json().path("total").asLong()).as("indexed from " + source).isEqualTo(count));
    assertThat(documents(api)).as("documents in the index").isEqualTo(ledger.acknowledged.size());
  }

  private static void assertNothingRefusedWasIndexed(ApiClient api, Ledger ledger) {
    List<Doc> refused = ledger.refusedNeverAcknowledged();
    assertThat(refused).isNotEmpty();
    int step = Math.max(1, refused.size() / 300);
    List<String> found = java.util.stream.IntStream.iterate(0, i -> i < refused.size(), i -> i + step).parallel()
        .mapToObj(refused::get).filter(d -> api.get("/v1/documents/" + d.source() + "/" + d.id()).status() != 404)
        .map(Doc::key).toList();
    assertThat(found).as("refused with 429, never acknowledged, yet indexed").isEmpty();
  }

  /** Waits until the queue is empty and the index shows as many documents as were acknowledged. */
  private static void awaitIndexed(ApiClient api, Ledger ledger) {
    awaitTrue(() -> {
      JsonNode health = api.get("/health").json();
      return health.path("queued").asInt() == 0 && health.path("documents").asLong() == ledger.acknowledged.size();
    }, 60);
  }

  /** Up to {@code count} of these documents, as many from each source as there are, in their order. */
  private static List<Doc> someOfEachSource(List<Doc> docs, int count) {
    Map<String, List<Doc>> bySource = docs.stream().collect(Collectors.groupingBy(Doc::source,
        java.util.TreeMap::new, Collectors.toList()));
    return bySource.values().stream().flatMap(l -> l.stream().limit(count / bySource.size())).toList();
  }

  private static long documents(ApiClient api) {
    return api.get("/health").json().path("documents").asLong();
  }

  private static long heapAfterGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void awaitTrue(BooleanSupplier condition, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within " + seconds + " s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  // --- documents ---------------------------------------------------------------------------------

  /** A document sent: its key and the text it must be found with once acknowledged. */
  private record Doc(String source, String id, String text) {
    static Doc ticket(String id) {
      return new Doc("zendesk", id, "My order " + id + " never arrived and nobody answers.");
    }

    Doc withSource(String value) {
      return new Doc(value, id, text);
    }

    String key() {
      return source + "/" + id;
    }

    String json() {
      return "{\"source\":\"" + source + "\",\"id\":\"" + id + "\",\"kind\":\"review\",\"text\":\"" + text + "\"}";
    }

    ObjectNode node() {
      return VocJson.mapper().createObjectNode().put("source", source).put("id", id).put("kind", "review")
          .put("text", text);
    }
  }

  private static List<Doc> fresh(String prefix, int count) {
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      docs.add(new Doc("bp", id, "Review " + id + ": the courier was late again, bad service."));
    }
    return docs;
  }

  private static String batchJson(List<Doc> docs) {
    return docs.stream().map(Doc::json).collect(Collectors.joining(",", "{\"documents\":[", "]}"));
  }

  private static String ndjsonOf(List<Doc> docs) {
    return docs.stream().map(d -> d.json() + "\n").collect(Collectors.joining());
  }

  private static String webhookJson(Doc ticket) {
    return "{\"ticket\": {\"id\": \"" + ticket.id() + "\", \"subject\": \"Where is my order\", \"description\": \""
        + ticket.text() + "\", \"requester\": {\"email\": \"customer@example.com\"}}}";
  }

  // --- what the service answered ---------------------------------------------------------------

  /** Every document acknowledged (by key), every one refused, and answers that should not be. */
  private static final class Ledger {
    final Map<String, Doc> acknowledged = new ConcurrentHashMap<>();
    final Set<Doc> refused = ConcurrentHashMap.newKeySet();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong refusedRequests = new AtomicLong();
    final AtomicLong refusedWebhooks = new AtomicLong();
    final List<Long> refusedMillis = Collections.synchronizedList(new ArrayList<>());
    final LongAccumulator retryAfterMin = new LongAccumulator(Math::min, Long.MAX_VALUE);
    final LongAccumulator retryAfterMax = new LongAccumulator(Math::max, 0);

    /** Sends a request under overload and records its answer and, for a 429, how long it took. */
    void send(java.util.function.Supplier<ApiClient.Response> request, List<Doc> docs) {
      long start = System.nanoTime();
      ApiClient.Response answer = request.get();
      if (answer.status() == 429) {
        refusedMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
      record(answer, docs);
    }

    /** One answer from {@code /v1/documents} or a webhook, for these documents. */
    void record(ApiClient.Response answer, List<Doc> docs) {
      int status = answer.status();
      if (status == 429) {
        refused(answer, docs);
      } else if (status == 200 || status == 201) {
        JsonNode body = answer.json();
        JsonNode results = body.has("results") ? body.get("results") : VocJson.mapper().createArrayNode().add(body);
        for (int i = 0; i < docs.size(); i++) {
          acknowledge(docs.get(i), results.path(i).path("status").asText());
        }
      } else {
        unexpected.add(status + " " + answer.body());
      }
    }

    /** One batch through the import client, which waits out 429s itself; false when it gave up. */
    boolean recordImport(DocumentSink sink, List<Doc> docs) throws InterruptedException {
      try {
        List<DocumentSink.Result> results = sink.send(docs.stream().map(Doc::node).toList());
        for (int i = 0; i < docs.size(); i++) {
          acknowledge(docs.get(i), results.get(i).status());
        }
        return true;
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("stayed busy (429)")) {
          refused.addAll(docs);
          return false;
        }
        unexpected.add("import: " + e);
        return true;
      }
    }

    private void acknowledge(Doc doc, String status) {
      if (Set.of("created", "updated", "duplicate").contains(status)) {
        acknowledged.put(doc.key(), doc);
      } else {
        unexpected.add(doc.key() + ": " + status);
      }
    }

    private void refused(ApiClient.Response answer, List<Doc> docs) {
      refusedRequests.incrementAndGet();
      String code = answer.json().path("error").path("code").asText();
      String retryAfter = answer.headers().firstValue("retry-after").orElse("");
      if (!code.equals("queue_full") || !retryAfter.matches("[1-9][0-9]?")) {
        unexpected.add("429 with Retry-After '" + retryAfter + "': " + answer.body());
        return;
      }
      if (docs.getFirst().source().equals("zendesk")) {
        refusedWebhooks.incrementAndGet();
      }
      retryAfterMin.accumulate(Long.parseLong(retryAfter));
      retryAfterMax.accumulate(Long.parseLong(retryAfter));
      refused.addAll(docs);
    }

    /** Refused documents that no later request got in, in a fixed order. */
    List<Doc> refusedNeverAcknowledged() {
      return refused.stream().filter(d -> !acknowledged.containsKey(d.key()))
          .sorted(Comparator.comparing(Doc::key)).toList();
    }
  }

  /** Reads the {@code voc_analysis_queue} gauge from /metrics every 50 ms, and the heap in use. */
  private static final class QueueSampler {
    private final LongAccumulator depth = new LongAccumulator(Math::max, 0);
    private final LongAccumulator heap = new LongAccumulator(Math::max, 0);
    private volatile boolean running = true;
    private Thread thread;

    static QueueSampler start(ApiClient api) {
      QueueSampler sampler = new QueueSampler();
      sampler.thread = Thread.ofPlatform().name("queue-sampler").daemon().start(() -> {
        while (sampler.running) {
          api.get("/metrics").body().lines().filter(l -> l.startsWith("voc_analysis_queue "))
              .forEach(l -> sampler.depth.accumulate((long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))));
          sampler.heap.accumulate(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
      });
      return sampler;
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    long maxDepth() {
      return depth.get();
    }

    long peakHeapMb() {
      return heap.get() >> 20;
    }
  }
}
