package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/** The analyst pages as plain HTTP: what is served at / and /assets/, with which headers. */
class AnalystPagesTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    // With API keys on: the pages themselves must still load without one.
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"),
        List.of(new VocConfig.ApiKey("secret-key-for-tests", List.of("read"))),
        null, null, null, null, null, null, null, null);
    server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed,
        Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
    api = new ApiClient(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void rootServesThePageWithAStrictContentSecurityPolicy() {
    ApiClient.Response page = api.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    String csp = page.headers().firstValue("content-security-policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
        "frame-ancestors 'self'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/main.js\"></script>",
        "href=\"#main\"", "<main id=\"main\"");
  }

  @Test
  void pagesHaveNoInlineScriptsOrStyles() {
    String page = api.get("/").body();
    assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=", "<style")
        .doesNotContainPattern("\\son[a-z]+=");
  }

  @Test
  void assetsAreServedWithTheirContentTypes() {
    assertAsset("/assets/main.js", "text/javascript; charset=utf-8");
    assertAsset("/assets/search.js", "text/javascript; charset=utf-8");
    assertAsset("/assets/app.css", "text/css; charset=utf-8");
    assertAsset("/assets/icon.svg", "image/svg+xml");
  }

  private static void assertAsset(String path, String type) {
    ApiClient.Response asset = api.get(path);
    assertThat(asset.status()).as(path).isEqualTo(200);
    assertThat(asset.headers().firstValue("content-type")).as(path).hasValue(type);
    assertThat(asset.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
    assertThat(asset.headers().firstValue("content-security-policy")).as(path).isPresent();
  }

  @Test
  void anUnchangedAssetIsNotSentAgain() {
    String etag = api.get("/assets/app.css").headers().firstValue("etag").orElseThrow();
    ApiClient.Response again = api.send(HttpRequest.newBuilder(api.uri("/assets/app.css")).header("If-None-Match", etag).GET());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void scriptsSetTextNeverMarkup() {
    for (String script : new String[] {"main.js", "dom.js", "api.js", "charts.js", "search.js", "document.js",
        "themes.js", "compare.js", "reports.js"}) {
      assertThat(api.get("/assets/" + script).body()).as(script)
          .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function");
    }
  }

  @Test
  void unknownPathsAndAssetsAreJsonNotFound() {
    for (String path : new String[] {"/v1/nothing", "/v1/", "/assets/missing.js", "/assets/index.html",
        "/assets/..%2Findex.html", "/index.html", "/web/index.html"}) {
      ApiClient.Response response = api.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json().path("error").path("code").asText()).as(path).isEqualTo("not_found");
    }
  }

  @Test
  void theApiStillNeedsTheKeyThePagesDoNot() {
    assertThat(api.get("/v1/search").status()).isEqualTo(401);
    ApiClient.Response withKey = api.send(HttpRequest.newBuilder(api.uri("/v1/search"))
        .header("Authorization", "Bearer secret-key-for-tests").GET());
    assertThat(withKey.status()).isEqualTo(200);
  }
}
