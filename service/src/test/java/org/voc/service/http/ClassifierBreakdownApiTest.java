package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.voc.nlp.Urgency;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * Classifier labels and urgency levels broken down per theme in {@code /v1/themes} and per brand
 * in {@code /v1/compare}. The fake analyzer finds themes and brands by keyword; a stand-in {@code
 * intent} and {@code team} classifier and the urgency label texts by cue words.
 */
class ClassifierBreakdownApiTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"), null,
        List.of(new VocConfig.Brand("acme", null, null, true), new VocConfig.Brand("globex", null, null, false)),
        List.of(new VocConfig.Theme("shipping", "delivery", List.of("delivery"))),
        null, null, null, null, null, null);
    FakeAnalyzer analyzer = new FakeAnalyzer();
    server = VocServer.start(config, withLabels(analyzer), FakeAnalyzer::embed,
        Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC), analyzer::setTaxonomy);
    api = new ApiClient(server.port());
    List<String> tickets = new ArrayList<>();
    tickets.add(ticket("1", "acme", "Delivery was bad. Where is my card?"));
    tickets.add(ticket("2", "acme", "Delivery was great. My card came."));
    tickets.add(ticket("3", "globex", "Delivery was bad. Cancel it now."));
    tickets.add(ticket("4", "globex", "Please cancel my order now."));
    tickets.add(ticket("5", "globex", "Hello there."));
    ApiClient.Response response = api.postJson("/v1/documents?wait=true",
        "{\"documents\":[" + String.join(",", tickets) + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /**
   * Intent: {@code cancel_order} for "cancel", {@code card_arrival} for "card", else uncertain;
   * team: {@code cards} or {@code orders}; urgency high for "now", else normal.
   */
  private static Function<Document, AnalyzedDocument> withLabels(FakeAnalyzer fake) {
    return document -> {
      AnalyzedDocument plain = fake.apply(document);
      String text = plain.analysis().text().toLowerCase(java.util.Locale.ROOT);
      Map<String, Classification> labels = new LinkedHashMap<>();
      labels.put("intent", text.contains("cancel") ? label("cancel_order") : text.contains("card")
          ? label("card_arrival") : new Classification(null, 0.3, true, List.of()));
      labels.put("team", label(text.contains("card") ? "cards" : "orders"));
      Urgency urgency = new Urgency(text.contains("now") ? "high" : "normal", List.of());
      return new AnalyzedDocument(plain.analysis().withClassifications(labels).withUrgency(urgency),
          plain.embedding());
    };
  }

  private static Classification label(String value) {
    return new Classification(value, 0.9, false, List.of(new Classification.Alternative(value, 0.9)));
  }

  private static String ticket(String id, String brand, String text) {
    return "{\"source\":\"zendesk\",\"id\":\"" + id + "\",\"kind\":\"ticket\",\"createdAt\":\"2026-11-18T09:00:00Z\","
        + "\"brand\":\"" + brand + "\",\"text\":\"" + text + "\"}";
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode get(String path) {
    ApiClient.Response response = api.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void themesBreakDownByClassifierLabelAndUrgency() {
    JsonNode shipping = get("/v1/themes").path("themes").get(0);

    assertThat(shipping.path("name").asText()).isEqualTo("shipping");
    assertThat(shipping.path("volume").asLong()).isEqualTo(3);
    JsonNode intent = shipping.path("classifications").path("intent");
    assertThat(intent).hasSize(2);
    assertThat(intent.get(0).path("label").asText()).isEqualTo("card_arrival");
    assertThat(intent.get(0).path("count").asLong()).isEqualTo(2);
    assertThat(intent.get(0).path("share").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(intent.get(0).path("netSentiment").asDouble()).isZero();
    assertThat(intent.get(1).path("label").asText()).isEqualTo("cancel_order");
    assertThat(intent.get(1).path("netSentiment").asDouble()).isEqualTo(-1.0);
    assertThat(shipping.path("classifications").path("team").get(0).path("label").asText()).isEqualTo("cards");
    assertThat(shipping.path("urgency").properties()).extracting(Map.Entry::getKey).containsExactly("high", "normal");
    assertThat(shipping.path("urgency").path("high").asLong()).isEqualTo(1);
    assertThat(shipping.path("urgency").path("normal").asLong()).isEqualTo(2);
  }

  @Test
  void compareBreaksDownEachBrandByClassifierLabelAndUrgency() {
    JsonNode brands = get("/v1/compare?brands=acme,globex").path("brands");

    JsonNode acme = brands.get(0);
    assertThat(acme.path("classifications").path("intent").get(0).path("label").asText()).isEqualTo("card_arrival");
    assertThat(acme.path("classifications").path("intent").get(0).path("count").asLong()).isEqualTo(2);
    assertThat(acme.path("urgency").path("normal").asLong()).isEqualTo(2);
    assertThat(acme.path("urgency").has("high")).isFalse();

    JsonNode globex = brands.get(1);
    assertThat(globex.path("volume").asLong()).isEqualTo(3);
    JsonNode intent = globex.path("classifications").path("intent");
    assertThat(intent.get(0).path("label").asText()).isEqualTo("cancel_order");
    assertThat(intent.get(0).path("count").asLong()).isEqualTo(2);
    assertThat(intent.get(0).path("share").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(intent.get(1).path("label").asText()).isEqualTo("?uncertain");
    assertThat(intent.get(1).path("count").asLong()).isEqualTo(1);
    assertThat(globex.path("urgency").path("high").asLong()).isEqualTo(2);
    assertThat(globex.path("urgency").path("normal").asLong()).isEqualTo(1);
  }

  @Test
  void breakdownFollowsTheFilters() {
    JsonNode brands = get("/v1/compare?brands=acme,globex&urgency=high").path("brands");

    assertThat(brands.get(0).has("classifications")).isFalse();
    assertThat(brands.get(0).has("urgency")).isFalse();
    assertThat(brands.get(1).path("classifications").path("intent").get(0).path("count").asLong()).isEqualTo(2);
    assertThat(brands.get(1).path("urgency").path("high").asLong()).isEqualTo(2);
  }

  @Test
  void classifierParameterKeepsOneClassifier() {
    JsonNode shipping = get("/v1/themes?classifier=team").path("themes").get(0);
    assertThat(shipping.path("classifications").properties()).extracting(Map.Entry::getKey).containsExactly("team");
    assertThat(shipping.has("urgency")).isTrue();

    JsonNode globex = get("/v1/compare?brands=globex&classifier=intent").path("brands").get(0);
    assertThat(globex.path("classifications").properties()).extracting(Map.Entry::getKey).containsExactly("intent");

    JsonNode none = get("/v1/themes?classifier=sentiment").path("themes").get(0);
    assertThat(none.has("classifications")).isFalse();
  }

  @Test
  void badClassifierParameterIsA400NamingIt() {
    for (String bad : List.of("classifier=", "classifier=" + URLEncoder.encode("intent:x", StandardCharsets.UTF_8),
        "classifier=intent&classifier=team")) {
      for (String path : List.of("/v1/themes?", "/v1/compare?")) {
        ApiClient.Response response = api.get(path + bad);
        assertThat(response.status()).as(path + bad).isEqualTo(400);
        assertThat(response.json().path("error").path("field").asText()).as(path + bad).isEqualTo("classifier");
      }
    }
  }
}
