package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * The HTTP API against a real server on a random port, with a fast fake analyzer: everything here
 * is about plumbing, validation and errors. {@code EndToEndTest} runs the real models.
 */
class HttpApiTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    VocConfig config = config(dir.resolve("data"), 50_000);
    server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
    api = new ApiClient(server.port());
  }

  static VocConfig config(Path data, int queueCapacity) {
    return new VocConfig("127.0.0.1", 0, data, null, null, null, null, null, null,
        new VocConfig.Limits(16L * 1024, 4L << 20, 64, queueCapacity, 30), null, null);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void ticketPostedWithWaitGetsItsAnalysisInTheAnswer() {
    ApiClient.Response response = api.postJson("/v1/documents?wait=true",
        "{\"source\":\"zendesk\",\"id\":\"W-1\",\"kind\":\"ticket\",\"text\":\"The app crashes every time I log in. Very frustrating.\"}");
    assertThat(response.status()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.path("status").asText()).isEqualTo("created");
    assertThat(body.path("id").asText()).isEqualTo("W-1");
    assertThat(body.path("analysis").path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(body.path("analysis").path("sentences")).hasSize(2);
  }

  @Test
  void retryIsDuplicateAndChangedTextIsUpdated() {
    String doc = "{\"source\":\"zendesk\",\"id\":\"R-1\",\"kind\":\"ticket\",\"text\":\"Refund please.\"}";
    assertThat(api.postJson("/v1/documents", doc).json().path("status").asText()).isEqualTo("created");
    ApiClient.Response again = api.postJson("/v1/documents", doc);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("status").asText()).isEqualTo("duplicate");
    ApiClient.Response changed = api.postJson("/v1/documents?wait=true", doc.replace("Refund please.", "Refund now."));
    assertThat(changed.json().path("status").asText()).isEqualTo("updated");
    JsonNode stored = api.get("/v1/documents/zendesk/R-1").json();
    assertThat(stored.path("document").path("text").asText()).isEqualTo("Refund now.");
    assertThat(stored.path("status").asText()).isEqualTo("analyzed");
  }

  @Test
  void batchReportsEveryDocumentAndRejectsOnlyTheInvalidOnes() {
    ApiClient.Response response = api.postJson("/v1/documents", """
        {"documents": [
          {"source": "appstore", "id": "B-1", "kind": "review", "text": "Great app.", "rating": 5},
          {"source": "appstore", "id": "B-2", "kind": "review"},
          {"source": "appstore", "id": "B-3", "kind": "tweet", "text": "hello"},
          {"source": "appstore", "id": "B-4", "kind": "review", "text": 42}
        ]}""");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("counts").path("created").asInt()).isEqualTo(1);
    assertThat(body.path("counts").path("rejected").asInt()).isEqualTo(3);
    JsonNode results = body.path("results");
    assertThat(results.get(0).path("status").asText()).isEqualTo("created");
    assertThat(results.get(1).path("error").path("field").asText()).isEqualTo("text");
    assertThat(results.get(2).path("error").path("code").asText()).isEqualTo("invalid_kind");
    assertThat(results.get(3).path("error").path("code").asText()).isEqualTo("invalid_type");
    assertThat(results.get(3).path("index").asInt()).isEqualTo(3);
  }

  @Test
  void tenThousandNdjsonPostsGetAStatusEachAndAllBecomeSearchable() {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      ndjson.append("{\"source\":\"reddit\",\"id\":\"p").append(i)
          .append("\",\"kind\":\"post\",\"text\":\"Post number ").append(i)
          .append(" about the bulkload feature.\",\"createdAt\":\"2026-10-01T00:00:00Z\"}\n");
    }
    ndjson.append("{not json}\n");
    ApiClient.Response response = api.post("/v1/documents", "application/x-ndjson", ndjson.toString());
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("results")).hasSize(10_001);
    assertThat(body.path("counts").path("created").asInt()).isEqualTo(10_000);
    JsonNode bad = body.path("results").get(10_000);
    assertThat(bad.path("status").asText()).isEqualTo("rejected");
    assertThat(bad.path("line").asInt()).isEqualTo(10_001);
    assertThat(bad.path("error").path("code").asText()).isEqualTo("invalid_json");
    awaitTrue(() -> api.get("/v1/search?mode=keyword&q=bulkload&limit=1").json().path("total").asLong() == 10_000, 120);
  }

  @Test
  void searchFindsTheHitWithSnippetSentimentFacetsAndHistogram() {
    api.postJson("/v1/documents?wait=true", """
        {"documents": [
          {"source": "zendesk", "id": "S-1", "kind": "ticket", "brand": "acme", "createdAt": "2026-11-10T09:00:00Z",
           "text": "The checkout crashes on every try. I want a refund."},
          {"source": "zendesk", "id": "S-2", "kind": "ticket", "brand": "acme", "createdAt": "2026-10-10T09:00:00Z",
           "text": "The checkout crashes too, since October."},
          {"source": "twitter", "id": "S-3", "kind": "post", "brand": "globex", "createdAt": "2026-11-11T09:00:00Z",
           "text": "I love how the checkout never crashes."}
        ]}""");
    JsonNode result = api.get("/v1/search?mode=keyword&q=checkout%20crash&kind=ticket&sentiment=negative&from=2026-11-01").json();
    assertThat(result.path("total").asLong()).isEqualTo(1);
    JsonNode hit = result.path("hits").get(0);
    assertThat(hit.path("id").asText()).isEqualTo("S-1");
    assertThat(hit.path("snippet").asText()).contains("<mark>crashes</mark>");
    assertThat(hit.path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(result.path("facets").path("kind").path("ticket").asLong()).isEqualTo(1);
    assertThat(result.path("facets").path("source").path("zendesk").asLong()).isEqualTo(1);
    assertThat(result.path("facets").path("brand").path("acme").asLong()).isEqualTo(1);
    assertThat(result.path("facets").path("sentiment").path("negative").asLong()).isEqualTo(1);
    assertThat(result.path("histogram").get(0).path("week").asText()).isEqualTo("2026-W46");
    assertThat(result.path("partial").isBoolean()).isTrue();
    assertThat(result.path("partial").asBoolean()).isFalse();

    JsonNode all = api.get("/v1/search?mode=keyword&q=checkout").json();
    assertThat(all.path("total").asLong()).isEqualTo(3);
    assertThat(all.path("facets").path("brand").path("globex").asLong()).isEqualTo(1);
  }

  @Test
  void semanticAndHybridSearchFindDocumentsByVector() {
    api.postJson("/v1/documents?wait=true", """
        {"documents": [
          {"source": "appstore", "id": "V-1", "kind": "review", "text": "parcel courier delivery slow"},
          {"source": "appstore", "id": "V-2", "kind": "review", "text": "screen colours vivid"}
        ]}""");
    JsonNode semantic = api.get("/v1/search?mode=semantic&q=slow%20courier%20parcel&source=appstore").json();
    assertThat(semantic.path("hits").get(0).path("id").asText()).isEqualTo("V-1");
    JsonNode hybrid = api.get("/v1/search?q=vivid%20colours&source=appstore").json();
    assertThat(hybrid.path("hits").get(0).path("id").asText()).isEqualTo("V-2");
    JsonNode keyword = api.get("/v1/search?mode=keyword&q=vivid&source=appstore").json();
    assertThat(keyword.path("total").asLong()).isEqualTo(1);
  }

  @Test
  void untrustedMarkupInTextComesBackEscapedInSnippets() {
    api.postJson("/v1/documents?wait=true", "{\"source\":\"web\",\"id\":\"X-1\",\"kind\":\"review\","
        + "\"text\":\"xsscheck <script>alert(1)</script> zebra\"}");
    JsonNode hit = api.get("/v1/search?mode=keyword&q=zebra").json().path("hits").get(0);
    assertThat(hit.path("snippet").asText()).doesNotContain("<script>").contains("<mark>zebra</mark>");
  }

  @Test
  void getAndDeleteByKey() {
    api.postJson("/v1/documents?wait=true", "{\"source\":\"csv\",\"id\":\"D 1/x\",\"kind\":\"review\",\"text\":\"Bad quokka.\"}");
    JsonNode stored = api.get("/v1/documents/csv/D%201%2Fx").json();
    assertThat(stored.path("analysis").path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(api.delete("/v1/documents/csv/D%201%2Fx").json().path("status").asText()).isEqualTo("deleted");
    ApiClient.Response gone = api.get("/v1/documents/csv/D%201%2Fx");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().path("error").path("code").asText()).isEqualTo("not_found");
    assertThat(api.delete("/v1/documents/csv/D%201%2Fx").status()).isEqualTo(404);
    awaitTrue(() -> api.get("/v1/search?mode=keyword&q=quokka").json().path("total").asLong() == 0, 10);
  }

  @Test
  void analyzeReturnsAnAnalysisAndStoresNothing() {
    ApiClient.Response json = api.postJson("/v1/analyze", "{\"text\":\"I love it. Great app.\"}");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().path("sentiment").path("label").asText()).isEqualTo("positive");
    ApiClient.Response plain = api.post("/v1/analyze", "text/plain", "It crashes.");
    assertThat(plain.json().path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(api.postJson("/v1/analyze", "{}").json().path("error").path("field").asText()).isEqualTo("text");
  }

  @Test
  void badInputGetsAClearFourHundredAndLosesNothing() {
    api.postJson("/v1/documents?wait=true", "{\"source\":\"zendesk\",\"id\":\"KEEP-1\",\"kind\":\"ticket\",\"text\":\"keepme.\"}");

    assertError(api.postJson("/v1/documents", "{\"source\": \"zendesk\", "), 400, "invalid_json", null);
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"ticket\"}"), 400, "missing_field", "text");
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"ticket\",\"text\":[1]}"), 400, "invalid_type", "text");
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"email\",\"text\":\"x\"}"), 400, "invalid_kind", "kind");
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"ticket\",\"text\":\"x\",\"txt\":\"y\"}"), 400, "unknown_field", "txt");
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"ticket\",\"text\":\"x\",\"createdAt\":\"yesterday\"}"), 400, "invalid_date", "createdAt");
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"ticket\",\"text\":\"x\",\"rating\":7}"), 400, "invalid_rating", "rating");
    assertError(api.postJson("/v1/documents", "{\"documents\": []}"), 400, "empty_batch", "documents");
    assertError(api.postJson("/v1/documents", "[]"), 400, "invalid_batch", null);
    assertError(api.post("/v1/documents", "application/json", new byte[0]), 400, "empty_body", null);
    assertError(api.post("/v1/documents", "application/json",
        new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, "invalid_utf8", null);
    assertError(api.post("/v1/documents", "text/csv", "a,b"), 415, "unsupported_media_type", null);
    assertError(api.postJson("/v1/documents", "[".repeat(2000) + "]".repeat(2000)), 400, "invalid_json", null);
    String bigText = "a".repeat(17 * 1024);
    assertError(api.postJson("/v1/documents", "{\"source\":\"z\",\"id\":\"1\",\"kind\":\"ticket\",\"text\":\"" + bigText + "\"}"),
        413, "document_too_large", "text");
    assertError(api.postJson("/v1/documents", "{\"documents\":[" + ("{\"text\":\"" + "b".repeat(10_000) + "\"},").repeat(450) + "{}]}"),
        413, "request_too_large", null);
    assertError(api.get("/v1/search?q=%22unbalanced"), 400, "invalid_query", "q");
    assertError(api.get("/v1/search?q=" + java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "t" + i)
        .collect(java.util.stream.Collectors.joining("+"))), 400, "invalid_query", "q");
    assertError(api.get("/v1/search?sentiment=angry"), 400, "invalid_parameter", "sentiment");
    assertError(api.get("/v1/search?from=last-week"), 400, "invalid_parameter", "from");
    assertError(api.get("/v1/search?limit=100000"), 400, "invalid_parameter", "limit");
    assertError(api.get("/v1/search?mode=fuzzy"), 400, "invalid_parameter", "mode");
    assertError(api.get("/v1/search?colour=red"), 400, "invalid_parameter", "colour");
    assertError(api.get("/v1/search?cursor=notacursor"), 400, "invalid_query", "cursor");
    assertError(api.get("/v1/nothing-here"), 404, "not_found", null);

    assertThat(api.get("/v1/documents/zendesk/KEEP-1").status()).isEqualTo(200);
    assertThat(api.get("/health").status()).isEqualTo(200);
  }

  @Test
  void queryOperatorsFromUsersAreTreatedAsText() {
    for (String q : new String[] {"text:foo*", "a~2", "/re.*/", "\\", "title:(x)", "*", "a AND", "NOT"}) {
      int status = api.get("/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).status();
      assertThat(status).as(q).isIn(200, 400);
    }
  }

  @Test
  void healthAndMetricsAnswer() {
    JsonNode health = api.get("/health").json();
    assertThat(health.path("status").asText()).isEqualTo("up");
    ApiClient.Response metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("voc_documents_ingested_total").contains("voc_analysis_queue");
  }

  @Test
  void fullQueueAnswers429WithRetryAfterAndKeepsWhatWasAccepted(@TempDir Path other) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeAnalyzer fake = new FakeAnalyzer();
    try (VocServer small = VocServer.start(config(other, 3), doc -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return fake.apply(doc);
    }, null, Clock.systemUTC())) {
      ApiClient client = new ApiClient(small.port());
      String batch = "{\"documents\":[" + doc("Q-1") + "," + doc("Q-2") + "," + doc("Q-3") + "]}";
      assertThat(client.postJson("/v1/documents", batch).status()).isEqualTo(200);
      awaitTrue(() -> client.get("/health").json().path("queued").asInt() >= 1, 10);
      ApiClient.Response refused = client.postJson("/v1/documents", "{\"documents\":[" + doc("Q-4") + "," + doc("Q-5") + "," + doc("Q-6") + "]}");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.headers().firstValue("retry-after")).isPresent();
      assertThat(refused.json().path("error").path("code").asText()).isEqualTo("queue_full");
      release.countDown();
      awaitTrue(() -> client.get("/health").json().path("documents").asLong() == 3, 20);
      assertThat(client.postJson("/v1/documents", doc("Q-4")).status()).isEqualTo(201);
    }
  }

  private static String doc(String id) {
    return "{\"source\":\"s\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"Text " + id + ".\"}";
  }

  private static void assertError(ApiClient.Response response, int status, String code, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode error = response.json().path("error");
    assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank();
    if (field != null) {
      assertThat(error.path("field").asText()).isEqualTo(field);
    }
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static void awaitTrue(BooleanSupplier condition, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(condition.getAsBoolean()).as("condition within " + seconds + " s").isTrue();
  }
}
