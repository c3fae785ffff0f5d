package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Classification;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.UrgencyRules;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * A ticket's urgency in {@code POST /v1/analyze}, and urgency and classifier labels as filters and
 * facets of search, themes and compare. The fake analyzer is wrapped the way {@code
 * DocumentAnalyzer} works: tickets get the default urgency rules' answer, and a stand-in {@code
 * intent} and {@code team} classifier label texts by a cue word.
 */
class UrgencyAndClassifierApiTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    VocConfig config = VocConfig.defaults().withData(dir.resolve("data")).withPort(0);
    server = VocServer.start(config, withUrgencyAndClassifiers(new FakeAnalyzer()), FakeAnalyzer::embed,
        Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
    api = new ApiClient(server.port());
    ingest("T-1", "ticket", "Someone took money from my account. My card is gone.");
    ingest("T-2", "ticket", "My card has not arrived yet.");
    ingest("T-3", "ticket", "The app is down for everyone, no card payments work.");
    ingest("T-4", "ticket", "Hello, a quick question about invoices.");
    ingest("R-1", "review", "Fraud everywhere, my card was charged twice.");
  }

  private static Function<Document, AnalyzedDocument> withUrgencyAndClassifiers(FakeAnalyzer fake) {
    UrgencyRules rules = UrgencyRules.defaults();
    return document -> {
      AnalyzedDocument plain = fake.apply(document);
      String text = plain.analysis().text();
      Map<String, Classification> labels = new LinkedHashMap<>();
      labels.put("intent", text.contains("card") ? label("card_issue") : text.contains("money")
          ? label("fraud") : new Classification(null, 0.3, true, List.of()));
      labels.put("team", label(text.contains("app") ? "platform" : "cards"));
      return new AnalyzedDocument(plain.analysis().withClassifications(labels).withUrgency(
          document.kind() == DocumentKind.TICKET ? rules.assess(text, plain.analysis().sentiment()) : null),
          plain.embedding());
    };
  }

  private static Classification label(String value) {
    return new Classification(value, 0.9, false, List.of(new Classification.Alternative(value, 0.9)));
  }

  private static void ingest(String id, String kind, String text) {
    ApiClient.Response response = api.postJson("/v1/documents?wait=true", "{\"source\":\"zendesk\",\"id\":\"" + id
        + "\",\"kind\":\"" + kind + "\",\"text\":\"" + text + "\"}");
    assertThat(response.status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode search(String query) {
    ApiClient.Response response = api.get("/v1/search?mode=keyword&" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void analyzeAnswersATicketsUrgencyWithItsReasons() {
    ApiClient.Response response = api.postJson("/v1/analyze",
        "{\"kind\":\"ticket\",\"text\":\"Someone took money from my account! Third time I write about this.\"}");

    assertThat(response.status()).isEqualTo(200);
    JsonNode urgency = response.json().path("urgency");
    assertThat(urgency.path("level").asText()).isEqualTo("high");
    assertThat(urgency.path("reasons").get(0).path("signal").asText()).isEqualTo("fraud");
    assertThat(urgency.path("reasons").get(0).path("evidence").asText())
        .isEqualTo("Someone took money from my account");
    assertThat(urgency.path("reasons").get(1).path("signal").asText()).isEqualTo("repeated-contact");
  }

  @Test
  void analyzeGivesOtherKindsNoUrgency() {
    ApiClient.Response response = api.postJson("/v1/analyze",
        "{\"kind\":\"review\",\"text\":\"Someone took money from my account!\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().has("urgency")).isFalse();
  }

  @Test
  void searchFiltersAndCountsUrgency() {
    JsonNode high = search("urgency=high");
    assertThat(high.path("total").asLong()).isEqualTo(2);
    assertThat(search("urgency=high,normal").path("total").asLong()).isEqualTo(3);

    JsonNode facets = search("").path("facets");
    assertThat(facets.path("urgency").path("high").asLong()).isEqualTo(2);
    assertThat(facets.path("urgency").path("normal").asLong()).isEqualTo(1);
    assertThat(facets.path("urgency").path("low").asLong()).isEqualTo(1);
  }

  @Test
  void searchFiltersByClassifierLabelsAndCountsThemPerClassifier() {
    assertThat(search("class=" + q("intent:card_issue")).path("total").asLong()).isEqualTo(4);
    assertThat(search("class=" + q("intent:card_issue") + "&class=" + q("team:platform")).path("total").asLong())
        .isEqualTo(1);
    assertThat(search("class=" + q("intent:fraud") + "&class=" + q("intent:?uncertain")).path("total").asLong())
        .isEqualTo(1);
    assertThat(search("class=" + q("intent:?uncertain") + "&urgency=low").path("total").asLong()).isEqualTo(1);

    JsonNode classifications = search("").path("facets").path("classifications");
    assertThat(classifications.path("intent").path("card_issue").asLong()).isEqualTo(4);
    assertThat(classifications.path("intent").path("?uncertain").asLong()).isEqualTo(1);
    assertThat(classifications.path("team").path("cards").asLong()).isEqualTo(4);
    assertThat(classifications.path("team").path("platform").asLong()).isEqualTo(1);
  }

  @Test
  void themesAndCompareTakeTheSameFilters() {
    ApiClient.Response themes = api.get("/v1/themes?urgency=high&class=" + q("team:cards"));
    assertThat(themes.status()).as(themes.body()).isEqualTo(200);
    ApiClient.Response compare = api.get("/v1/compare?urgency=low&class=" + q("intent:?uncertain"));
    assertThat(compare.status()).as(compare.body()).isEqualTo(200);
  }

  @Test
  void badUrgencyAndClassFiltersAreRejectedWithTheirField() {
    for (String bad : List.of("urgency=urgent", "class=card_issue", "class=" + q("intent:"), "class=" + q(":x"))) {
      ApiClient.Response response = api.get("/v1/search?" + bad);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.json().path("error").path("field").asText()).as(bad).isEqualTo(bad.split("=")[0]);
    }
  }

  @Test
  void labelsWithQuerySyntaxAreMatchedLiterally() {
    assertThat(search("class=" + q("intent:*")).path("total").asLong()).isZero();
    assertThat(search("class=" + q("intent:card_issue OR x:y")).path("total").asLong()).isZero();
  }
}
