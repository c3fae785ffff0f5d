package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.config.VocConfig;

/** A service on {@code analysis.pipeline: fast}, with the shipped models, over HTTP. */
class FastPipelineTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    VocConfig defaults = VocConfig.defaults().withPort(0).withData(dir);
    server = EndToEndTest.serve(defaults.withAnalysis(defaults.analysis().withPipeline("fast")));
    api = new ApiClient(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void postsAnalyzedFastAreThemedBrandedSearchableAndFaceted() {
    ApiClient.Response put = api.putJson("/v1/taxonomy/brands", EndToEndTest.ACME_AND_GLOBEX);
    assertThat(put.status()).as(put.body()).isEqualTo(200);

    ApiClient.Response posted = api.postJson("/v1/documents?wait=true", "{\"source\":\"twitter\",\"id\":\"F-1\","
        + "\"kind\":\"post\",\"text\":\"I love my new Acme phone. Shipping was terrible: it took three weeks and"
        + " the box arrived broken.\"}");
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    JsonNode analysis = posted.json().path("analysis");
    assertThat(analysis.path("modelVersions").path("pipeline").asText()).isEqualTo("fast");
    assertThat(analysis.path("modelVersions").has("parser")).isFalse();
    assertThat(analysis.path("sentences")).hasSize(2);
    assertThat(analysis.path("sentences").get(0).path("sentiment").path("label").asText()).isEqualTo("positive");
    assertThat(analysis.path("sentences").get(1).path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(analysis.path("sentiment").path("models").findValuesAsText("name")).containsExactly("transformer");
    assertThat(names(analysis.path("themes"))).contains("shipping");
    JsonNode shippingTheme = analysis.path("themes").get(names(analysis.path("themes")).indexOf("shipping"));
    assertThat(shippingTheme.path("sentiment").path("label").asText()).isEqualTo("negative");
    assertThat(names(analysis.path("brands"))).containsExactly("acme");
    assertThat(analysis.path("brands").get(0).path("sentiment").path("label").asText()).isEqualTo("positive");
    assertThat(analysis.path("aspects").isArray()).isTrue();
    assertThat(analysis.path("aspects")).isEmpty();

    api.postJson("/v1/documents?wait=true", "{\"source\":\"twitter\",\"id\":\"F-2\",\"kind\":\"post\","
        + "\"text\":\"Globex support fixed my problem in five minutes, great service.\"}");

    JsonNode keyword = api.get("/v1/search?q=shipping&mode=keyword&source=twitter").json();
    assertThat(keyword.path("hits").findValuesAsText("id")).containsExactly("F-1");
    assertThat(keyword.path("hits").get(0).path("snippet").asText()).contains("<mark>Shipping</mark>");
    JsonNode semantic = api.get("/v1/search?q=" + java.net.URLEncoder.encode("late delivery",
        java.nio.charset.StandardCharsets.UTF_8) + "&mode=semantic&source=twitter").json();
    assertThat(semantic.path("hits").get(0).path("id").asText()).isEqualTo("F-1");
    JsonNode all = api.get("/v1/search?source=twitter&mode=keyword").json();
    assertThat(all.path("total").asLong()).isEqualTo(2);
    assertThat(all.path("facets").path("brand").path("acme").asLong()).isEqualTo(1);
    assertThat(all.path("facets").path("brand").path("globex").asLong()).isEqualTo(1);
    assertThat(all.path("facets").path("theme").path("shipping").asLong()).isEqualTo(1);
    assertThat(api.get("/v1/search?theme=shipping&source=twitter&mode=keyword").json().path("hits")
        .findValuesAsText("id")).containsExactly("F-1");
    assertThat(names(api.get("/v1/themes?source=twitter").json().path("themes"))).contains("shipping");
  }

  private static List<String> names(JsonNode array) {
    return EndToEndTest.names(array);
  }
}
