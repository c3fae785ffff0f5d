package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/** {@code GET /v1/reports/weekly} and {@code /v1/reports} over HTTP, on a fixed clock (Wednesday of 2026-W48). */
class ReportsApiTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    FakeAnalyzer analyzer = new FakeAnalyzer();
    server = VocServer.start(VocConfig.defaults().withPort(0).withData(dir.resolve("data")), analyzer,
        FakeAnalyzer::embed, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), analyzer::setTaxonomy);
    api = new ApiClient(server.port());
    ApiClient.Response posted = api.postJson("/v1/documents?wait=true", "{\"documents\":["
        + "{\"source\":\"shop\",\"id\":\"1\",\"kind\":\"review\",\"createdAt\":\"2026-11-17T09:00:00Z\","
        + "\"text\":\"The delivery was bad <script>alert(1)</script>\"},"
        + "{\"source\":\"shop\",\"id\":\"2\",\"kind\":\"review\",\"createdAt\":\"2026-11-18T09:00:00Z\","
        + "\"text\":\"Shipping was great.\"},"
        + "{\"source\":\"shop\",\"id\":\"3\",\"kind\":\"review\",\"createdAt\":\"2026-11-10T09:00:00Z\","
        + "\"text\":\"Last week.\"}]}");
    assertThat(posted.status()).as(posted.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void jsonReportOfTheDefaultWeekIsTheLastCompleteOne() {
    ApiClient.Response response = api.get("/v1/reports/weekly");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    JsonNode json = response.json();
    assertThat(json.get("week").asText()).isEqualTo("2026-W47");
    assertThat(json.get("overall").get("volume").asLong()).isEqualTo(2);
    assertThat(json.get("overall").get("lastWeekVolume").asLong()).isEqualTo(1);
  }

  @Test
  void eachFormatHasItsContentTypeAndHtmlAStrictPolicy() {
    ApiClient.Response html = api.get("/v1/reports/weekly?week=2026-W47&format=html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(html.headers().firstValue("content-security-policy"))
        .hasValue("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    assertThat(html.headers().firstValue("x-frame-options")).hasValue("SAMEORIGIN");
    assertThat(html.body()).contains("<svg").doesNotContain("<script");

    assertThat(api.get("/v1/reports/weekly?week=2026-W47&format=csv").headers().firstValue("content-type"))
        .hasValue("text/csv; charset=utf-8");
    assertThat(api.get("/v1/reports/weekly?week=2026-W47&format=md").headers().firstValue("content-type"))
        .hasValue("text/markdown; charset=utf-8");
  }

  @Test
  void badWeekFutureWeekAndBadFormatAre400sNamingTheField() {
    assertError(api.get("/v1/reports/weekly?week=2026-47"), "invalid_week", "week");
    assertError(api.get("/v1/reports/weekly?week=2026-W60"), "invalid_week", "week");
    assertError(api.get("/v1/reports/weekly?week=2026-W49"), "future_week", "week");
    assertError(api.get("/v1/reports/weekly?format=pdf"), "invalid_format", "format");
    assertError(api.get("/v1/reports/weekly?weeks=2026-W47"), "invalid_parameter", "weeks");
    assertError(api.get("/v1/reports/weekly?week=0000-W01"), "invalid_week", "week");
    assertError(api.get("/v1/reports/weekly?week=1899-W52"), "invalid_week", "week");
    assertThat(api.get("/v1/reports/weekly?week=1900-W01").status()).as("long ago: an empty report").isEqualTo(200);
  }

  @Test
  void theCurrentWeekIsAPartialReport() {
    JsonNode json = api.get("/v1/reports/weekly?week=2026-W48").json();
    assertThat(json.get("complete").asBoolean()).isFalse();
  }

  @Test
  void noWrittenReportsIsAnEmptyListAndAnUnknownFileA404() {
    assertThat(api.get("/v1/reports").json().toString()).isEqualTo("{\"reports\":[]}");
    assertThat(api.get("/v1/reports/2026-W47.html").status()).isEqualTo(404);
    assertThat(api.get("/v1/reports/..%2Fvoc.yaml").status()).isEqualTo(404);
  }

  private static void assertError(ApiClient.Response response, String code, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("error").get("code").asText()).isEqualTo(code);
    assertThat(response.json().get("error").get("field").asText()).isEqualTo(field);
  }
}
