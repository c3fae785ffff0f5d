package org.voc.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.VocJson;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.FeedSite;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;
import picocli.CommandLine;

/** {@code voc crawl CONFIG}: a feed on loopback crawled into the data dir, twice. */
class CrawlCommandTest {

  @TempDir Path dir;

  private JsonNode crawl(Path config, Path data) throws Exception {
    CrawlCommand command = new CrawlCommand();
    command.sink = new SinkOptions();
    command.sink.analyzers = c -> new FakeAnalyzer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = new CommandLine(command).execute(config.toString(), "--data", data.toString());
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return VocJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void crawlsTheConfiguredFeedIntoTheDataDirAndASecondRunAddsNothing() throws Exception {
    FeedSite site = new FeedSite();
    String base = site.base();
    site.items(new String[] {"Late", "/p/1", "My parcel arrived two weeks late."});
    try {
      Path config = dir.resolve("voc.yaml");
      Files.writeString(config, """
          crawler:
            allowPrivateAddresses: true
            delayMillis: 0
            sources: [{url: "%s/feed.xml", kind: post, brand: acme}]
          """.formatted(base));
      Path data = dir.resolve("data");
      JsonNode first = crawl(config, data);
      assertThat(first.path("created").asLong()).isEqualTo(1);
      assertThat(Files.exists(data.resolve("crawler/state.json"))).isTrue();
      assertThat(crawl(config, data).path("created").asLong()).isZero();

      VocConfig served = new VocConfig("127.0.0.1", 0, data, null, null, null, null, null, null, null, null, null);
      try (VocServer server = VocServer.start(served, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
        JsonNode hits = new ApiClient(server.port()).get("/v1/search?q=parcel&mode=keyword").json().path("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("id").asText()).isEqualTo(base + "/p/1");
        assertThat(hits.get(0).path("source").asText()).isEqualTo("web");
        assertThat(hits.get(0).path("brand").asText()).isEqualTo("acme");
      }
    } finally {
      site.close();
    }
  }
}
