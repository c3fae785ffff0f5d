package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.Taxonomy;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.TaxonomyStore;
import org.voc.service.config.VocConfig;

/** {@code /v1/taxonomy/themes} and {@code /v1/taxonomy/brands}: read, replace, validate, keep. */
class TaxonomyApiTest {

  private static final String ADMIN = "admin-key-0123456789";
  private static final String READER = "read-key-0123456789";

  @TempDir Path dir;
  private VocServer server;
  private ApiClient api;
  private final FakeAnalyzer analyzer = new FakeAnalyzer();

  private VocConfig config(List<VocConfig.Theme> themes) {
    return new VocConfig("127.0.0.1", 0, dir.resolve("data"),
        List.of(new VocConfig.ApiKey(ADMIN, List.of("ingest", "read", "admin")),
            new VocConfig.ApiKey(READER, List.of("read"))),
        List.of(new VocConfig.Brand("acme", List.of("Acme Inc"), null, true)), themes,
        null, null, null, null, null, null);
  }

  private void start(List<VocConfig.Theme> themes) throws Exception {
    server = VocServer.start(config(themes), analyzer, FakeAnalyzer::embed, Clock.systemUTC(), analyzer::setTaxonomy);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private ApiClient.Response get(String path, String key) {
    return api.send(HttpRequest.newBuilder(api.uri(path)).header("authorization", "Bearer " + key).GET());
  }

  private ApiClient.Response put(String path, String body) {
    return api.send(HttpRequest.newBuilder(api.uri(path)).header("authorization", "Bearer " + ADMIN)
        .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void configuredThemesAreInForceAndDefaultsWhenNoneAreConfigured() throws Exception {
    start(List.of(new VocConfig.Theme("shipping", "delivery", List.of("took weeks"))));
    JsonNode themes = get("/v1/taxonomy/themes", ADMIN).json();
    assertThat(themes).hasSize(1);
    assertThat(themes.get(0).path("name").asText()).isEqualTo("shipping");
    assertThat(themes.get(0).path("examples").get(0).asText()).isEqualTo("took weeks");
    assertThat(analyzer.taxonomy().themes()).hasSize(1);
    assertThat(get("/v1/taxonomy/brands", ADMIN).json().get(0).path("own").asBoolean()).isTrue();
    server.close();
    server = null;

    start(null);
    assertThat(get("/v1/taxonomy/themes", ADMIN).json()).hasSize(Taxonomy.defaultThemes().size());
  }

  @Test
  void putReplacesThemesForNewDocumentsAndSurvivesARestart() throws Exception {
    start(List.of(new VocConfig.Theme("shipping", null, null)));
    ApiClient.Response put = put("/v1/taxonomy/themes",
        "[{\"name\": \"onboarding\", \"description\": \"first steps\", \"examples\": [\"sign up\"]},"
            + " {\"name\": \"pricing\"}]");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json()).hasSize(2);
    assertThat(get("/v1/taxonomy/themes", ADMIN).json().get(0).path("name").asText()).isEqualTo("onboarding");
    assertThat(Files.exists(dir.resolve("data").resolve(TaxonomyStore.FILE))).isTrue();

    ApiClient.Response analyzed = api.send(HttpRequest.newBuilder(api.uri("/v1/documents?wait=true"))
        .header("authorization", "Bearer " + ADMIN).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"source\":\"web\",\"id\":\"1\",\"kind\":\"post\",\"text\":\"Sign up was easy.\"}")));
    assertThat(analyzed.json().path("analysis").path("themes").get(0).path("name").asText()).isEqualTo("onboarding");

    ApiClient.Response brands = put("/v1/taxonomy/brands",
        "[{\"name\": \"globex\", \"aliases\": [\"Globex Corp\"], \"own\": true}]");
    assertThat(brands.status()).as(brands.body()).isEqualTo(200);

    server.close();
    server = null;
    start(List.of(new VocConfig.Theme("shipping", null, null)));
    // The saved lists win over the configuration.
    assertThat(get("/v1/taxonomy/themes", ADMIN).json()).extracting(n -> n.path("name").asText())
        .containsExactly("onboarding", "pricing");
    assertThat(get("/v1/taxonomy/brands", ADMIN).json().get(0).path("name").asText()).isEqualTo("globex");
    assertThat(analyzer.taxonomy().brands().getFirst().aliases()).containsExactly("Globex Corp");
  }

  @Test
  void invalidListsAreRejectedWithTheFieldAtFault() throws Exception {
    start(null);
    assertInvalid(put("/v1/taxonomy/themes", "[{\"name\": \"\"}]"), "[0].name");
    assertInvalid(put("/v1/taxonomy/themes", "[{\"name\": \"a\"}, {\"name\": \"a\"}]"), "[1].name");
    assertInvalid(put("/v1/taxonomy/themes", "[{\"description\": \"no name\"}]"), "[0].name");
    assertInvalid(put("/v1/taxonomy/themes", "[{\"name\": \"a\", \"colour\": \"red\"}]"), "[0].colour");
    assertInvalid(put("/v1/taxonomy/themes", "[{\"name\": \"a\", \"examples\": \"one\"}]"), "[0].examples");
    assertInvalid(put("/v1/taxonomy/brands", "[{\"name\": \"a\", \"own\": \"yes\"}]"), "[0].own");
    assertInvalid(put("/v1/taxonomy/brands", "[\"acme\"]"), "[0]");
    // Bounded: the taxonomy's size is a cost on every document analyzed.
    String longName = "x".repeat(TaxonomyHandler.MAX_NAME_CHARS + 1);
    assertInvalid(put("/v1/taxonomy/themes", "[{\"name\": \"" + longName + "\"}]"), "[0].name");
    assertInvalid(put("/v1/taxonomy/themes", "[{\"name\": \"a\", \"examples\": [\"" + longName + "\"]}]"),
        "[0].examples");
    String manyExamples = String.join(",", java.util.Collections.nCopies(TaxonomyHandler.MAX_STRINGS + 1, "\"e\""));
    assertInvalid(put("/v1/taxonomy/brands", "[{\"name\": \"a\", \"aliases\": [" + manyExamples + "]}]"),
        "[0].aliases");
    String manyThemes = String.join(",", java.util.stream.IntStream.rangeClosed(0, TaxonomyHandler.MAX_THEMES)
        .mapToObj(i -> "{\"name\": \"t" + i + "\"}").toList());
    ApiClient.Response tooMany = put("/v1/taxonomy/themes", "[" + manyThemes + "]");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("error").path("message").asText()).contains("at most 200 entries");
    ApiClient.Response notArray = put("/v1/taxonomy/brands", "{\"name\": \"acme\"}");
    assertThat(notArray.status()).isEqualTo(400);
    assertThat(notArray.json().path("error").path("code").asText()).isEqualTo("invalid_taxonomy");
    assertThat(put("/v1/taxonomy/brands", "[{").json().path("error").path("code").asText()).isEqualTo("invalid_json");
    // Nothing changed.
    assertThat(get("/v1/taxonomy/brands", ADMIN).json().get(0).path("name").asText()).isEqualTo("acme");
    assertThat(Files.exists(dir.resolve("data").resolve(TaxonomyStore.FILE))).isFalse();
  }

  @Test
  void taxonomyNeedsTheAdminScope() throws Exception {
    start(null);
    assertThat(get("/v1/taxonomy/themes", READER).status()).isEqualTo(403);
    ApiClient.Response put = api.send(HttpRequest.newBuilder(api.uri("/v1/taxonomy/themes"))
        .header("authorization", "Bearer " + READER).header("content-type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("[]")));
    assertThat(put.status()).isEqualTo(403);
    assertThat(get("/v1/themes", READER).status()).isEqualTo(200);
  }

  private static void assertInvalid(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("error").path("code").asText()).isEqualTo("invalid_taxonomy");
    assertThat(response.json().path("error").path("field").asText()).isEqualTo(field);
  }
}
