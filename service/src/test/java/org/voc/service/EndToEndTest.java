package org.voc.service;

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
import org.voc.nlp.DocumentAnalyzer;
import org.voc.service.config.VocConfig;

/** The user stories of the vertical slice, with the real CoreNLP models, over HTTP. */
class EndToEndTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    server = serve(VocConfig.defaults().withPort(0).withData(dir));
    api = new ApiClient(server.port());
  }

  /** A server analyzing with the shipped models {@code config} asks for, its clock at 2026-11-20 noon. */
  static VocServer serve(VocConfig config) throws Exception {
    DocumentAnalyzer analyzer = Analyzers.load(config);
    return VocServer.start(config, analyzer::analyzeForIndex, analyzer.searchEncoder().orElseThrow()::embed,
        Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC), analyzer::setTaxonomy,
        Analyzers.classifierHost(analyzer));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void supportToolGetsTheTicketsAnalysisInTheSameCallAndAnalystFindsIt() {
    ApiClient.Response posted = api.postJson("/v1/documents?wait=true",
        "{\"source\":\"zendesk\",\"id\":\"T-1\",\"kind\":\"ticket\",\"text\":\"The app crashes every time I log in. Very frustrating.\"}");
    assertThat(posted.status()).isEqualTo(201);
    JsonNode analysis = posted.json().path("analysis");
    assertThat(analysis.path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(analysis.path("sentiment").path("score").asDouble()).isBetween(-1.0, 0.0);
    assertThat(analysis.path("sentences")).hasSize(2);
    JsonNode first = analysis.path("sentences").get(0);
    assertThat(analysis.path("text").asText().substring(first.path("start").asInt(), first.path("end").asInt()))
        .isEqualTo("The app crashes every time I log in.");
    assertThat(analysis.path("sentiment").path("models").get(0).path("name").asText()).isEqualTo("corenlp");
    assertThat(analysis.path("keyPhrases").toString()).contains("app");

    api.postJson("/v1/documents?wait=true",
        "{\"source\":\"appstore\",\"id\":\"R-1\",\"kind\":\"review\",\"text\":\"I love this app, it never crashes.\"}");
    JsonNode result = api.get("/v1/search?q=crash&kind=ticket&sentiment=negative&from=2026-11-01").json();
    assertThat(result.path("total").asLong()).isEqualTo(1);
    JsonNode hit = result.path("hits").get(0);
    assertThat(hit.path("id").asText()).isEqualTo("T-1");
    assertThat(hit.path("snippet").asText()).contains("<mark>crashes</mark>");
    assertThat(hit.path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(result.path("facets").path("kind").path("ticket").asLong()).isEqualTo(1);
    assertThat(result.path("facets").path("sentiment").path("negative").asLong()).isEqualTo(1);
    assertThat(result.path("histogram").get(0).path("week").asText()).isEqualTo("2026-W47");
  }

  @Test
  void aSupportTeamTrainsItsIntentsAndNewTicketsAreRoutedByThemInTheSameCall() throws Exception {
    ApiClient.Response accepted = api.post("/v1/classifiers/intent/train?kinds=ticket&minConfidence=0", "text/csv",
        org.voc.service.http.ClassifiersApiTest.TICKETS_CSV);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    Instant deadline = Instant.now().plusSeconds(120);
    String state = "";
    while (!state.equals("done") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      state = api.get("/v1/classifiers/intent").json().path("training").path("state").asText();
      assertThat(state).isNotEqualTo("failed");
    }
    assertThat(state).isEqualTo("done");

    JsonNode routed = api.postJson("/v1/documents?wait=true", "{\"source\":\"zendesk\",\"id\":\"T-9\",\"kind\":\"ticket\","
        + "\"text\":\"It has been ten days and my new card still has not come. Where is it?\"}").json()
        .path("analysis").path("classifications").path("intent");
    assertThat(routed.path("label").asText()).isEqualTo("card_arrival");
    JsonNode analyzed = api.postJson("/v1/analyze", "{\"source\":\"zendesk\",\"kind\":\"ticket\","
        + "\"text\":\"I forgot my password and cannot sign in.\"}").json();
    assertThat(analyzed.path("classifications").path("intent").path("label").asText()).isEqualTo("password");
    JsonNode found = api.get("/v1/search?q=card&class=intent:card_arrival").json();
    assertThat(found.path("hits").get(0).path("id").asText()).isEqualTo("T-9");
  }

  @Test
  void brandsConfiguredAtRunTimeGetTheirOwnSentimentAndThemesBecomeFiltersAndFigures() {
    ApiClient.Response put = api.putJson("/v1/taxonomy/brands", ACME_AND_GLOBEX);
    assertThat(put.status()).as(put.body()).isEqualTo(200);

    JsonNode compared = api.postJson("/v1/documents?wait=true",
        "{\"source\":\"twitter\",\"id\":\"P-1\",\"kind\":\"post\",\"text\":\"Acme's app is great, unlike Globex's.\"}")
        .json().path("analysis").path("brands");
    assertThat(names(compared)).containsExactly("acme", "globex");
    assertThat(compared.get(0).path("sentiment").path("label").asText()).isEqualTo("positive");
    assertThat(compared.get(1).path("sentiment").path("label").asText()).isEqualTo("negative");

    JsonNode complaint = api.postJson("/v1/documents?wait=true",
        "{\"source\":\"twitter\",\"id\":\"P-2\",\"kind\":\"post\",\"text\":\"Shipping took three weeks and nobody answered my emails, I want a refund.\"}")
        .json().path("analysis");
    assertThat(names(complaint.path("themes"))).contains("shipping", "support", "billing");
    assertThat(complaint.path("themes").get(0).path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(complaint.path("aspects").findValuesAsText("term")).contains("Shipping");

    JsonNode shipping = api.get("/v1/search?theme=shipping&source=twitter&mode=keyword").json();
    assertThat(shipping.path("hits").findValuesAsText("id")).containsExactly("P-2");
    assertThat(api.get("/v1/search?source=twitter&mode=keyword").json().path("facets").path("brand").path("globex")
        .asLong()).isEqualTo(1);
    JsonNode brands = api.get("/v1/compare?brands=acme,globex&source=twitter").json().path("brands");
    assertThat(brands.get(0).path("netSentiment").path("value").asDouble())
        .isGreaterThan(brands.get(1).path("netSentiment").path("value").asDouble());
    JsonNode themes = api.get("/v1/themes?source=twitter").json().path("themes");
    assertThat(names(themes)).contains("shipping");
  }

  static final String ACME_AND_GLOBEX =
      "[{\"name\":\"acme\",\"aliases\":[\"Acme\"],\"own\":true},{\"name\":\"globex\",\"aliases\":[\"Globex\"]}]";

  /** The "name" of each element of an array (not of nested objects). */
  static java.util.List<String> names(JsonNode array) {
    java.util.List<String> names = new java.util.ArrayList<>();
    array.forEach(element -> names.add(element.path("name").asText()));
    return names;
  }

  @Test
  void customerComplaintThatCoreNlpCallsPositiveIsNegativeWithEveryModelsOutputShown() {
    JsonNode sentiment = api.postJson("/v1/analyze",
        "{\"text\":\"Shipping took three weeks and nobody answered my emails, I want a refund.\"}").json().path("sentiment");
    assertThat(sentiment.path("label").asText()).isEqualTo("negative");
    assertThat(sentiment.path("models").findValuesAsText("name")).containsExactly("corenlp", "transformer", "ensemble");
  }

  @Test
  void semanticSearchFindsAParaphraseThatSharesNoKeyword() {
    api.postJson("/v1/documents?wait=true", """
        {"documents": [
          {"source": "appstore", "id": "SEM-1", "kind": "review", "text": "My parcel arrived three weeks late."},
          {"source": "appstore", "id": "SEM-2", "kind": "review", "text": "The camera takes beautiful photos."}
        ]}""");
    JsonNode result = api.get("/v1/search?mode=semantic&q=slow%20delivery&source=appstore").json();
    assertThat(result.path("hits").get(0).path("id").asText()).isEqualTo("SEM-1");
    JsonNode keyword = api.get("/v1/search?mode=keyword&q=slow%20delivery&source=appstore").json();
    assertThat(keyword.path("total").asLong()).isZero();
  }

  @Test
  void analyzeTellsPraiseFromComplaintAndStoresNothing() {
    JsonNode praise = api.postJson("/v1/analyze", "{\"text\":\"I love this product, it works great.\"}").json();
    assertThat(praise.path("sentiment").path("label").asText()).isEqualTo("positive");
    JsonNode html = api.postJson("/v1/analyze",
        "{\"text\":\"<p>The support team was <b>terrible</b>.</p><script>x()</script>\"}").json();
    assertThat(html.path("text").asText()).doesNotContain("<b>").doesNotContain("x()");
    assertThat(html.path("sentiment").path("label").asText()).isEqualTo("negative");
  }
}
