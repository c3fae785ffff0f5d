package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * {@code /v1/themes} and {@code /v1/compare} on documents with known figures, analyzed by the
 * fake analyzer (themes and brands by keyword). Documents from source {@code shop} are the themes
 * fixture, those from {@code survey} the brand-comparison fixture.
 */
class InsightsApiTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"), null,
        List.of(new VocConfig.Brand("acme", List.of("ACME Corp"), null, true),
            new VocConfig.Brand("globex", null, null, false),
            new VocConfig.Brand("initech", null, null, false)),
        List.of(new VocConfig.Theme("shipping", "delivery", List.of("delivery")),
            new VocConfig.Theme("support", null, null),
            new VocConfig.Theme("pricing", null, List.of("expensive"))),
        null, null, null, null, null, null);
    FakeAnalyzer analyzer = new FakeAnalyzer();
    server = VocServer.start(config, analyzer, FakeAnalyzer::embed,
        Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC), analyzer::setTaxonomy);
    api = new ApiClient(server.port());
    post(List.of(
        shop("1", "2026-11-16T09:00:00Z", "acme", "Delivery was bad."),
        shop("2", "2026-11-17T09:00:00Z", "acme", "Shipping was great."),
        shop("3", "2026-11-23T09:00:00Z", null, "Support was bad. Globex is bad."),
        shop("4", "2026-11-24T09:00:00Z", null, "Great support from globex."),
        shop("5", "2026-11-24T10:00:00Z", "globex", "<b>Delivery</b> & shipping were bad."),
        shop("6", "2026-11-25T09:00:00Z", null, "Nothing else.")));
    // Survey: acme 30 positive + 10 neutral; globex 10 positive + 30 negative; initech 29 positive + 11 neutral.
    List<String> survey = new ArrayList<>();
    addSurvey(survey, "acme", "great", 30);
    addSurvey(survey, "acme", "fine", 10);
    addSurvey(survey, "globex", "great", 10);
    addSurvey(survey, "globex", "bad", 30);
    addSurvey(survey, "initech", "great", 29);
    addSurvey(survey, "initech", "fine", 11);
    post(survey);
  }

  private static String shop(String id, String at, String brand, String text) {
    return "{\"source\":\"shop\",\"id\":\"" + id + "\",\"kind\":\"review\",\"createdAt\":\"" + at + "\","
        + (brand == null ? "" : "\"brand\":\"" + brand + "\",") + "\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
  }

  private static void addSurvey(List<String> into, String brand, String word, int n) {
    for (int i = 0; i < n; i++) {
      into.add("{\"source\":\"survey\",\"id\":\"" + brand + "-" + word + "-" + i
          + "\",\"kind\":\"review\",\"createdAt\":\"2026-11-18T09:00:00Z\",\"text\":\"" + brand + " is " + word + ".\"}");
    }
  }

  private static void post(List<String> documents) {
    ApiClient.Response response = api.postJson("/v1/documents?wait=true",
        "{\"documents\":[" + String.join(",", documents) + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("counts").path("created").asInt()).isEqualTo(documents.size());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode theme(JsonNode body, String name) {
    for (JsonNode theme : body.path("themes")) {
      if (theme.path("name").asText().equals(name)) {
        return theme;
      }
    }
    throw new AssertionError("no theme " + name + " in " + body);
  }

  @Test
  void searchFiltersAndFacetsByThemeAndBrand() {
    JsonNode shipping = api.get("/v1/search?mode=keyword&source=shop&theme=shipping").json();
    assertThat(shipping.path("total").asLong()).isEqualTo(3);
    assertThat(shipping.path("facets").path("theme").path("shipping").asLong()).isEqualTo(3);
    // globex: its own brand field (5) or a mention (3, 4).
    JsonNode globex = api.get("/v1/search?mode=keyword&source=shop&brand=globex").json();
    assertThat(globex.path("total").asLong()).isEqualTo(3);
    assertThat(globex.path("facets").path("theme").path("support").asLong()).isEqualTo(2);
  }

  @Test
  void themesAnswerVolumeShareSentimentTrendAndEscapedExamples() {
    ApiClient.Response response = api.get("/v1/themes?source=shop");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("total").asLong()).isEqualTo(6);
    assertThat(body.has("discovered")).isFalse();
    JsonNode shipping = theme(body, "shipping");
    assertThat(shipping.path("volume").asLong()).isEqualTo(3);
    assertThat(shipping.path("share").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(shipping.path("sentiment").path("negative").asLong()).isEqualTo(2);
    assertThat(shipping.path("sentiment").path("positive").asLong()).isEqualTo(1);
    assertThat(shipping.path("netSentiment").asDouble()).isCloseTo(-1 / 3.0, within(1e-9));
    assertThat(shipping.path("trend")).hasSize(2);
    assertThat(shipping.path("trend").get(0).path("week").asText()).isEqualTo("2026-W47");
    assertThat(shipping.path("trend").get(0).path("volume").asLong()).isEqualTo(2);
    assertThat(shipping.path("trend").get(0).path("netSentiment").asDouble()).isZero();
    assertThat(shipping.path("trend").get(1).path("netSentiment").asDouble()).isEqualTo(-1);
    JsonNode newest = shipping.path("examples").get(0);
    assertThat(newest.path("id").asText()).isEqualTo("5");
    assertThat(newest.path("snippet").asText()).isEqualTo("&lt;b&gt;Delivery&lt;/b&gt; &amp; shipping were bad.");
    assertThat(shipping.path("keyPhrases").get(0).path("phrase").asText()).isEqualTo("delivery");
    assertThat(shipping.path("keyPhrases").get(0).path("count").asLong()).isEqualTo(2);

    JsonNode support = theme(body, "support");
    assertThat(support.path("volume").asLong()).isEqualTo(2);
    assertThat(support.path("netSentiment").asDouble()).isZero();
    // A configured theme no document is about is listed with volume 0.
    assertThat(theme(body, "pricing").path("volume").asLong()).isZero();
  }

  @Test
  void themesFollowTheFilters() {
    JsonNode acme = api.get("/v1/themes?source=shop&brand=acme").json();
    assertThat(acme.path("total").asLong()).isEqualTo(2);
    assertThat(theme(acme, "shipping").path("volume").asLong()).isEqualTo(2);
    assertThat(theme(acme, "shipping").path("netSentiment").asDouble()).isZero();
    JsonNode late = api.get("/v1/themes?source=shop&from=2026-11-23&sentiment=negative").json();
    assertThat(late.path("total").asLong()).isEqualTo(2);
    assertThat(theme(late, "shipping").path("volume").asLong()).isEqualTo(1);
  }

  @Test
  void themesRejectUnknownAndBadParameters() {
    ApiClient.Response unknown = api.get("/v1/themes?limit=3");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("field").asText()).isEqualTo("limit");
    ApiClient.Response badDate = api.get("/v1/themes?from=yesterday");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().path("error").path("field").asText()).isEqualTo("from");
    assertThat(api.get("/v1/themes?discover=maybe").status()).isEqualTo(400);
    assertThat(api.get("/v1/themes?q=%22unbalanced").json().path("error").path("code").asText())
        .isEqualTo("invalid_query");
  }

  @Test
  void discoverProposesThemesForUnthemedDocuments() {
    JsonNode body = api.get("/v1/themes?source=survey&discover=true").json();
    JsonNode discovered = body.path("discovered");
    assertThat(discovered.path("unthemed").asLong()).isEqualTo(120);
    assertThat(discovered.path("proposals").size()).isGreaterThanOrEqualTo(2);
    JsonNode first = discovered.path("proposals").get(0);
    assertThat(first.path("label").asText()).isNotBlank();
    assertThat(first.path("size").asInt()).isPositive();
    assertThat(first.path("examples")).isNotEmpty();
  }

  @Test
  void compareAnswersShareOfVoiceIntervalsAndSignificance() {
    ApiClient.Response response = api.get("/v1/compare?source=survey&brands=acme,globex,initech");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    JsonNode acme = body.path("brands").get(0);
    assertThat(acme.path("name").asText()).isEqualTo("acme");
    assertThat(acme.path("own").asBoolean()).isTrue();
    assertThat(acme.path("volume").asLong()).isEqualTo(40);
    assertThat(acme.path("shareOfVoice").asDouble()).isCloseTo(40 / 120.0, within(1e-9));
    assertThat(acme.path("sentiment").path("positive").asLong()).isEqualTo(30);
    assertThat(acme.path("sentiment").path("neutral").asLong()).isEqualTo(10);
    // Scores 30 x +1, 10 x 0: mean 0.75, sample variance 0.1875 * 40 / 39.
    double se = Math.sqrt(0.1875 * 40 / 39 / 40);
    JsonNode net = acme.path("netSentiment");
    assertThat(net.path("value").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(net.path("standardError").asDouble()).isCloseTo(se, within(1e-9));
    assertThat(net.path("low").asDouble()).isCloseTo(0.75 - 1.959964 * se, within(1e-5));
    assertThat(net.path("high").asDouble()).isCloseTo(0.75 + 1.959964 * se, within(1e-5));
    assertThat(net.path("level").asDouble()).isEqualTo(0.95);

    JsonNode significance = body.path("significance");
    assertThat(significance.path("test").asText()).isEqualTo("welch_t_test");
    assertThat(significance.path("correction").asText()).isEqualTo("holm_bonferroni");
    JsonNode pairs = significance.path("pairs");
    assertThat(pairs).hasSize(3);
    JsonNode acmeGlobex = pairs.get(0);
    assertThat(acmeGlobex.path("a").asText() + "-" + acmeGlobex.path("b").asText()).isEqualTo("acme-globex");
    assertThat(acmeGlobex.path("difference").asDouble()).isCloseTo(0.75 - (-0.5), within(1e-9));
    assertThat(acmeGlobex.path("significant").asBoolean()).isTrue();
    JsonNode acmeInitech = pairs.get(1);
    assertThat(acmeInitech.path("b").asText()).isEqualTo("initech");
    assertThat(acmeInitech.path("significant").asBoolean()).isFalse();
    assertThat(acmeInitech.path("adjustedPValue").asDouble()).isGreaterThan(0.05);
  }

  @Test
  void compareDefaultsToTheConfiguredBrandsAndBreaksDownByTheme() {
    JsonNode body = api.get("/v1/compare?source=shop").json();
    assertThat(body.path("brands")).hasSize(3);
    JsonNode acme = body.path("brands").get(0);
    assertThat(acme.path("volume").asLong()).isEqualTo(2);
    assertThat(acme.path("themes").get(0).path("name").asText()).isEqualTo("shipping");
    assertThat(acme.path("themes").get(0).path("volume").asLong()).isEqualTo(2);
    JsonNode globex = body.path("brands").get(1);
    assertThat(globex.path("volume").asLong()).isEqualTo(3);
    assertThat(globex.path("shareOfVoice").asDouble()).isCloseTo(0.6, within(1e-9));
    assertThat(body.path("brands").get(2).path("volume").asLong()).isZero();

    JsonNode shipping = api.get("/v1/compare?source=shop&brands=acme,globex&theme=shipping").json();
    assertThat(shipping.path("theme").asText()).isEqualTo("shipping");
    assertThat(shipping.path("brands").get(1).path("volume").asLong()).isEqualTo(1);
    assertThat(shipping.path("brands").get(1).path("sentiment").path("negative").asLong()).isEqualTo(1);
  }

  @Test
  void compareRejectsUnknownBrandsAndParameters() {
    ApiClient.Response unknown = api.get("/v1/compare?brands=acme,hooli");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("unknown_brand");
    assertThat(unknown.json().path("error").path("field").asText()).isEqualTo("brands");
    ApiClient.Response param = api.get("/v1/compare?brand=acme");
    assertThat(param.status()).isEqualTo(400);
    assertThat(param.json().path("error").path("field").asText()).isEqualTo("brand");
  }
}
