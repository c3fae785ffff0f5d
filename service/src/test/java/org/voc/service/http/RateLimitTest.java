package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/** Per-key token buckets: 1 request a second plus a burst of 2, so 3 at once pass and the 4th is limited. */
class RateLimitTest {

  private static final String FIRST = "first-key-0123456789";
  private static final String SECOND = "second-key-0123456789";

  @TempDir Path dir;

  @Test
  void fourthRequestAtOnceIsLimitedWithRetryAfterOtherKeysAreNotAndItPassesAgainLater() throws Exception {
    List<VocConfig.ApiKey> keys = List.of(new VocConfig.ApiKey(FIRST, List.of("read")),
        new VocConfig.ApiKey(SECOND, List.of("read")));
    try (VocServer server = VocServer.start(config(keys), new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient api = new ApiClient(server.port());
      for (int i = 0; i < 3; i++) {
        assertThat(search(api, FIRST).status()).as("request %d", i + 1).isEqualTo(200);
      }
      ApiClient.Response limited = search(api, FIRST);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.json().path("error").path("code").asText()).isEqualTo("rate_limited");
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 2L);

      assertThat(search(api, SECOND).status()).as("another key has its own bucket").isEqualTo(200);
      assertThat(api.get("/health").status()).as("/health is not limited").isEqualTo(200);
      assertThat(api.get("/").status()).as("the pages are not limited").isEqualTo(200);

      Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter)); // what Retry-After asks a client to do
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      int status = search(api, FIRST).status();
      while (status == 429 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        status = search(api, FIRST).status();
      }
      assertThat(status).isEqualTo(200);
    }
  }

  @Test
  void withoutKeysEachClientAddressHasABucketAndZeroTurnsLimitsOff() throws Exception {
    try (VocServer server = VocServer.start(config(List.of()), new FakeAnalyzer(), FakeAnalyzer::embed,
        Clock.systemUTC())) {
      ApiClient api = new ApiClient(server.port());
      int[] statuses = new int[4];
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] = api.get("/v1/search?q=walrus").status();
      }
      assertThat(statuses).containsExactly(200, 200, 200, 429);
    }
    VocConfig off = new VocConfig("127.0.0.1", 0, dir.resolve("off"), List.of(), null, null, null, null, null,
        VocConfig.Limits.DEFAULT.withRate(0, 0), null, null);
    try (VocServer server = VocServer.start(off, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient api = new ApiClient(server.port());
      for (int i = 0; i < 20; i++) {
        assertThat(api.get("/v1/search?q=walrus").status()).isEqualTo(200);
      }
    }
  }

  private VocConfig config(List<VocConfig.ApiKey> keys) {
    return new VocConfig("127.0.0.1", 0, dir.resolve("data-" + keys.size()), keys, null, null, null, null, null,
        VocConfig.Limits.DEFAULT.withRate(1, 2), null, null);
  }

  private static ApiClient.Response search(ApiClient api, String key) {
    return api.send(HttpRequest.newBuilder(api.uri("/v1/search?q=walrus")).header("Authorization", "Bearer " + key).GET());
  }
}
