package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability with a real process: documents acknowledged by {@code POST /v1/documents} survive a
 * SIGKILL that comes right after the answer, and a restart analyzes and indexes them exactly once.
 */
class CrashRecoveryTest {

  @TempDir Path dir;

  @Test
  void acknowledgedDocumentsSurviveKillDashNineAndAreIndexedOnceAfterRestart() throws Exception {
    Path data = dir.resolve("data");
    int port = freePort();
    Process first = startService(port, data, dir.resolve("first.log"));
    List<String> acknowledged = new ArrayList<>();
    try {
      ApiClient api = awaitHealthy(port, first, dir.resolve("first.log"));
      for (int batch = 0; batch < 5; batch++) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 40; i++) {
          String id = "K-" + batch + "-" + i;
          ndjson.append("{\"source\":\"crawler\",\"id\":\"").append(id)
              .append("\",\"kind\":\"post\",\"text\":\"Durable walrus number ").append(i)
              .append(" says the delivery was late.\"}\n");
        }
        ApiClient.Response response = api.post("/v1/documents", "application/x-ndjson", ndjson.toString());
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode result : response.json().path("results")) {
          assertThat(result.path("status").asText()).isEqualTo("created");
          acknowledged.add(result.path("id").asText());
        }
      }
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).hasSize(200);

    Process second = startService(port, data, dir.resolve("second.log"));
    try {
      ApiClient api = awaitHealthy(port, second, dir.resolve("second.log"));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      long total = 0;
      while (System.nanoTime() < deadline) {
        total = api.get("/v1/search?q=walrus&limit=1").json().path("total").asLong();
        if (total >= acknowledged.size()) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(total).isEqualTo(acknowledged.size());
      for (String id : acknowledged) {
        JsonNode stored = api.get("/v1/documents/crawler/" + id).json();
        assertThat(stored.path("status").asText()).as(id).isEqualTo("analyzed");
      }
      // A client retrying after the crash learns that the documents are already there.
      ApiClient.Response retry = api.postJson("/v1/documents", "{\"source\":\"crawler\",\"id\":\"K-0-0\","
          + "\"kind\":\"post\",\"text\":\"Durable walrus number 0 says the delivery was late.\"}");
      assertThat(retry.json().path("status").asText()).isEqualTo("duplicate");
      assertThat(api.get("/v1/search?q=walrus&limit=1").json().path("total").asLong()).isEqualTo(200);
    } finally {
      second.destroy();
      second.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private static Process startService(int port, Path data, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        "org.voc.service.Main", "serve", "--port", Integer.toString(port), "--data", data.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(log.getParent().toFile())
        .start();
  }

  private static ApiClient awaitHealthy(int port, Process process, Path log) throws Exception {
    ApiClient api = new ApiClient(port);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("service exited: " + Files.readString(log));
      }
      try {
        if (api.get("/health").status() == 200) {
          return api;
        }
      } catch (AssertionError notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("service did not become healthy: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
