package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.AnalysisStage;
import org.voc.nlp.AnalyzedDocument;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;

/**
 * What {@code /metrics} tells an operator after some traffic: requests and latencies per route (the
 * route, never the raw path), analysis time per stage, and the size of the index and journal.
 */
class MetricsTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    FakeAnalyzer fake = new FakeAnalyzer();
    // The fake reports fixed stage times, as DocumentAnalyzer reports measured ones.
    server = VocServer.start(HttpApiTest.config(dir.resolve("data"), 1000), doc -> {
      AnalyzedDocument analyzed = fake.apply(doc);
      return new AnalyzedDocument(analyzed.analysis(), analyzed.embedding(),
          Map.of(AnalysisStage.PARSE, Duration.ofMillis(20), AnalysisStage.SENTIMENT, Duration.ofMillis(30)));
    }, FakeAnalyzer::embed, Clock.systemUTC());
    api = new ApiClient(server.port());
    for (int i = 1; i <= 3; i++) {
      assertThat(api.postJson("/v1/documents?wait=true", "{\"source\":\"shop\",\"id\":\"M-" + i
          + "\",\"kind\":\"review\",\"text\":\"The checkout broke again, number " + i + ".\"}").status()).isEqualTo(201);
    }
    for (int i = 1; i <= 3; i++) {
      assertThat(api.get("/v1/documents/shop/M-" + i).status()).isEqualTo(200);
    }
    assertThat(api.get("/v1/documents/shop/unknown-id").status()).isEqualTo(404);
    HttpApiTest.awaitTrue(() -> api.get("/v1/search?mode=keyword&q=checkout").json().path("total").asLong() == 3, 20);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void requestsAndLatenciesAreCountedPerRouteNotPerPath() {
    String body = api.get("/metrics").body();

    List<Sample> documentReads = samples(body, "vertx_http_server_requests_total",
        Map.of("route", "/v1/documents/:source/:id", "method", "GET"));
    assertThat(documentReads.stream().mapToDouble(Sample::value).sum()).isEqualTo(4); // 3 found, 1 not
    assertThat(documentReads).extracting(s -> s.labels().get("code")).containsExactlyInAnyOrder("200", "404");
    assertThat(sum(body, "vertx_http_server_requests_total", Map.of("route", "/v1/documents", "method", "POST", "code", "201")))
        .isEqualTo(3);
    assertThat(sum(body, "vertx_http_server_response_time_seconds_count", Map.of("route", "/v1/search"))).isPositive();
    assertThat(sum(body, "vertx_http_server_response_time_seconds_sum", Map.of("route", "/v1/search"))).isPositive();
    // No document id in any label: the series stay bounded however many documents are read.
    assertThat(body).doesNotContain("M-1").doesNotContain("unknown-id");
  }

  @Test
  void analysisTimeIsRecordedPerStage() {
    String body = api.get("/metrics").body();

    assertThat(sum(body, "voc_analysis_stage_duration_seconds_count", Map.of("stage", "parse"))).isEqualTo(3);
    assertThat(sum(body, "voc_analysis_stage_duration_seconds_sum", Map.of("stage", "parse"))).isEqualTo(0.06, within());
    assertThat(sum(body, "voc_analysis_stage_duration_seconds_sum", Map.of("stage", "sentiment"))).isEqualTo(0.09, within());
    // Every stage has its series from the start, at zero when the analyzer does not run it.
    assertThat(sum(body, "voc_analysis_stage_duration_seconds_count", Map.of("stage", "classifiers"))).isZero();
    assertThat(sum(body, "voc_analysis_duration_seconds_count", Map.of())).isEqualTo(3);
  }

  @Test
  void indexAndJournalSizesAreGauged() {
    String body = api.get("/metrics").body();

    assertThat(sum(body, "voc_index_documents", Map.of())).isEqualTo(3);
    assertThat(sum(body, "voc_index_size_bytes", Map.of())).isGreaterThan(1000);
    assertThat(sum(body, "voc_journal_size_bytes", Map.of())).isGreaterThan(3 * 50);
    assertThat(sum(body, "voc_analysis_queue", Map.of())).isZero();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The samples of {@code name} in Prometheus text whose labels include {@code labels}. */
  static List<Sample> samples(String body, String name, Map<String, String> labels) {
    List<Sample> out = new ArrayList<>();
    for (String line : body.lines().toList()) {
      Matcher m = LINE.matcher(line);
      if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
        continue;
      }
      Map<String, String> found = new LinkedHashMap<>();
      Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
      while (l.find()) {
        found.put(l.group(1), l.group(2));
      }
      if (found.entrySet().containsAll(labels.entrySet())) {
        out.add(new Sample(name, found, Double.parseDouble(m.group(3))));
      }
    }
    assertThat(out).as(name + " " + labels + " in\n" + body).isNotEmpty();
    return out;
  }

  static double sum(String body, String name, Map<String, String> labels) {
    return samples(body, name, labels).stream().mapToDouble(Sample::value).sum();
  }
}
