package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.config.VocConfig;

/** The service crawls its configured sources by itself when {@code crawler.everyMinutes} is set. */
class CrawlScheduleTest {

  @TempDir Path dir;

  @Test
  void crawlsAtStartUpIntoTheIndexAndCountsInMetrics() throws Exception {
    FeedSite site = new FeedSite();
    String base = site.base();
    site.items(new String[] {"Refund", "/p/1", "Still waiting for my refund."},
        new String[] {"Fast", "/p/2", "Delivery was fast."});
    VocConfig.Crawler crawler = new VocConfig.Crawler(true, 0L,
        List.of(Map.of("url", base + "/feed.xml", "kind", "post", "brand", "acme")), 60L);
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"), null, null, null, null, crawler, null,
        null, null, null);
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
      assertThat(site.fetches()).isEqualTo(1); // the next run is an hour away
    } finally {
      site.close();
    }
    assertThat(Files.exists(dir.resolve("data/crawler/state.json"))).isTrue();
  }

  @Test
  void aBadSourceStopsStartUpWithItsReason() {
    VocConfig.Crawler crawler = new VocConfig.Crawler(false, 0L, List.of(Map.of("kind", "post")), 5L);
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("bad"), null, null, null, null, crawler, null,
        null, null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC()))
        .hasMessageContaining("crawler.sources");
  }
}
