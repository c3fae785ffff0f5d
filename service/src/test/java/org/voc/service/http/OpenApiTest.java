package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.VocJson;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.classifiers.ClassifierHost;
import org.voc.service.classifiers.ClassifierRegistry;
import org.voc.service.config.TaxonomyStore;
import org.voc.service.config.VocConfig;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.ingest.Journal;

/** {@code openapi.json} describes exactly the routes of the router, and is served without a key. */
class OpenApiTest {

  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @TempDir Path dir;

  @Test
  void everyRouteOfTheRouterIsDocumentedAndEveryDocumentedOperationIsRouted() throws Exception {
    assertThat(documented()).isEqualTo(routed());
  }

  @Test
  void documentIsOpenApi31AndEveryReferenceResolves() throws Exception {
    JsonNode doc = document();
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (OPERATIONS.contains(op.getKey())) {
        assertThat(op.getValue().path("responses").size()).as(op.getKey() + " " + path.getKey()).isPositive();
        assertThat(op.getValue().path("operationId").isTextual()).as(op.getKey() + " " + path.getKey()).isTrue();
      }
    }));
  }

  @Test
  void servedWithoutAKeyAndEveryDocumentedQueryParameterIsKnownToItsHandler() throws Exception {
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"),
        List.of(new VocConfig.ApiKey("reader-key-0123456789", List.of("read", "ingest", "admin"))),
        null, null, null, null, null, null, null, null);
    try (VocServer server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient anonymous = new ApiClient(server.port());
      ApiClient.Response served = anonymous.get("/openapi.json");
      assertThat(served.status()).isEqualTo(200);
      assertThat(served.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(served.json()).isEqualTo(document());
      assertThat(anonymous.get("/v1/search").status()).isEqualTo(401);

      ApiClient keyed = new ApiClient(server.port());
      JsonNode paths = document().path("paths");
      int checked = 0;
      for (Map.Entry<String, JsonNode> path : paths.properties()) {
        JsonNode get = path.getValue().path("get");
        if (get.isMissingNode() || path.getKey().contains("{")) {
          continue;
        }
        Set<String> documentedNames = new TreeSet<>();
        for (JsonNode parameter : get.path("parameters")) {
          JsonNode resolved = parameter.has("$ref") ? document().at(parameter.get("$ref").asText().substring(1)) : parameter;
          if (!resolved.path("in").asText().equals("query")) {
            continue;
          }
          String name = resolved.path("name").asText();
          ApiClient.Response answer = keyed.send(java.net.http.HttpRequest.newBuilder(
              keyed.uri(path.getKey() + "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=x"))
              .header("Authorization", "Bearer reader-key-0123456789").GET());
          assertThat(answer.body()).as("GET %s?%s=x", path.getKey(), name).doesNotContain("unknown parameter");
          documentedNames.add(name);
        }
        // The other way round: a handler that checks its parameters lists them all in its error.
        ApiClient.Response unknown = keyed.send(java.net.http.HttpRequest.newBuilder(
            keyed.uri(path.getKey() + "?not_a_parameter=1")).header("Authorization", "Bearer reader-key-0123456789").GET());
        String message = unknown.status() == 400 ? unknown.json().path("error").path("message").asText() : "";
        if (message.contains("; known: ")) {
          Set<String> known = new TreeSet<>(List.of(message.substring(message.indexOf("; known: ") + 9).split(", ")));
          assertThat(new TreeSet<>(documentedNames)).as("documented query parameters of GET %s", path.getKey())
              .isEqualTo(known);
          checked++;
        }
      }
      assertThat(checked).as("routes whose parameters were compared both ways").isGreaterThanOrEqualTo(4);
    }
  }

  /** "METHOD /path" for every operation in the document. */
  static Set<String> documented() throws Exception {
    Set<String> operations = new TreeSet<>();
    document().path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (OPERATIONS.contains(method)) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return operations;
  }

  /** "METHOD /path" for every route of the router, {name} for :name. */
  private Set<String> routed() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(dir.resolve("index"));
        Journal journal = Journal.open(dir.resolve("journal"), 1 << 20)) {
      VocConfig config = VocConfig.defaults().withData(dir.resolve("data"));
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      IngestPipeline pipeline = new IngestPipeline(journal, index, new FakeAnalyzer(), 1, 10, Duration.ofSeconds(1),
          metrics);
      Router router = HttpApi.router(vertx, new HttpApi.Services(config, pipeline, index, new FakeAnalyzer(),
          FakeAnalyzer::embed, metrics, Clock.systemUTC(), TaxonomyStore.open(config, t -> {}),
          ClassifierRegistry.open(config, ClassifierHost.NONE, Clock.systemUTC())));
      return routes(router);
    } finally {
      vertx.close().await();
    }
  }

  static Set<String> routes(Router router) {
    Set<String> operations = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null) {
        continue; // the failure handler, on every path
      }
      String path = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      assertThat(route.methods()).as("methods of %s", path).isNotEmpty();
      for (HttpMethod method : route.methods()) {
        operations.add(method.name() + " " + path);
      }
    }
    return operations;
  }

  static JsonNode document() throws Exception {
    try (InputStream in = OpenApiTest.class.getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
      return VocJson.mapper().readTree(in);
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
