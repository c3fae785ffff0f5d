package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.config.VocConfig;

/** The service crawls its configured sources by itself when {@code crawler.everyMinutes} is set. */
class CrawlScheduleTest {

  @TempDir Path dir;

  @Test
  void crawlsAtStartUpIntoTheIndexAndCountsInMetrics() throws Exception {
    HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + site.getAddress().getPort();
    byte[] feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>%1$s</link><description>d</description>
        <item><title>Refund</title><link>%1$s/p/1</link><description>Still waiting for my refund.</description></item>
        <item><title>Fast</title><link>%1$s/p/2</link><description>Delivery was fast.</description></item>
        </channel></rss>""".formatted(base).getBytes(StandardCharsets.UTF_8);
    AtomicInteger fetches = new AtomicInteger();
    site.createContext("/", exchange -> {
      try (exchange) {
        if (exchange.getRequestURI().getPath().equals("/feed.xml")) {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
          exchange.sendResponseHeaders(200, feed.length);
          exchange.getResponseBody().write(feed);
        } else {
          exchange.sendResponseHeaders(404, -1);
        }
      }
    });
    site.start();
    VocConfig.Crawler crawler = new VocConfig.Crawler(true, 0L,
        List.of(Map.of("url", base + "/feed.xml", "kind", "post", "brand", "acme")), 60L);
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"), null, null, null, null, crawler, null,
        null, null);
    try (VocServer server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient api = new ApiClient(server.port());
      JsonNode hits = null;
      for (int i = 0; i < 100 && (hits == null || hits.size() < 2); i++) {
        Thread.sleep(100);
        hits = api.get("/v1/search?q=refund%20OR%20delivery&mode=keyword").json().path("hits");
      }
      assertThat(hits).hasSize(2);
      assertThat(hits.findValuesAsText("brand")).containsOnly("acme");
      String metrics = api.get("/metrics").body();
      assertThat(metrics).containsPattern("voc_crawler_total\\{event=\"created\"[^}]*} 2\\.0");
      assertThat(metrics).containsPattern("voc_crawler_runs_total\\{outcome=\"completed\"[^}]*} 1\\.0");
      assertThat(fetches.get()).isEqualTo(1); // the next run is an hour away
    } finally {
      site.stop(0);
    }
    assertThat(Files.exists(dir.resolve("data/crawler/state.json"))).isTrue();
  }

  @Test
  void aBadSourceStopsStartUpWithItsReason() {
    VocConfig.Crawler crawler = new VocConfig.Crawler(false, 0L, List.of(Map.of("kind", "post")), 5L);
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("bad"), null, null, null, null, crawler, null,
        null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC()))
        .hasMessageContaining("crawler.sources");
  }
}
