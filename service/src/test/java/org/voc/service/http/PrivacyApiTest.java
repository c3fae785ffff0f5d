package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.VocConfig;

/**
 * {@code privacy: {redact: true}}: personal data never reaches the journal, the index or an answer;
 * and {@code DELETE} erases a document from every file under the data dir.
 */
class PrivacyApiTest {

  @TempDir static Path dir;
  static VocServer server;
  static ApiClient api;
  static Path data;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dir.resolve("voc.yaml"), "port: 0\ndata: data\nprivacy: {redact: true}\n");
    VocConfig config = new ConfigLoader(java.util.Map.of(), dir).load(ConfigLoader.Overrides.NONE);
    assertThat(config.privacy().redact()).isTrue();
    data = config.data();
    server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC());
    api = new ApiClient(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void privacyIsOffByDefault() {
    assertThat(VocConfig.defaults().privacy().redact()).isFalse();
  }

  @Test
  void storedDocumentSearchAndJournalHoldNoOriginalEmail() {
    ApiClient.Response posted = api.postJson("/v1/documents?wait=true", """
        {"source": "zendesk", "id": "P-1", "kind": "ticket", "title": "from jane.roe@example.org",
         "text": "My card 4111 1111 1111 1111 was charged twice, mail jane.roe@example.org or call +1 415 555 2671. Marmalade."}
        """);
    assertThat(posted.status()).isEqualTo(201);
    JsonNode stored = api.get("/v1/documents/zendesk/P-1").json();
    assertThat(stored.path("document").path("text").asText())
        .isEqualTo("My card [card] was charged twice, mail [email] or call [phone]. Marmalade.");
    assertThat(stored.path("document").path("title").asText()).isEqualTo("from [email]");
    assertThat(stored.toString()).doesNotContain("jane.roe", "4111");
    JsonNode found = api.get("/v1/search?mode=keyword&q=marmalade").json();
    assertThat(found.path("total").asLong()).isEqualTo(1);
    assertThat(found.toString()).doesNotContain("jane.roe").contains("[email]");
    assertThat(api.get("/v1/search?mode=keyword&q=jane").json().path("total").asLong())
        .isZero();
    assertThat(filesContaining("jane.roe")).isEmpty();
    assertThat(filesContaining("Marmalade")).isNotEmpty(); // the journal does hold the text
  }

  @Test
  void deleteErasesTheDocumentFromEveryFileUnderTheDataDir() throws InterruptedException {
    String marker = "Quokkafrobnicate";
    api.postJson("/v1/documents?wait=true", "{\"source\": \"web\", \"id\": \"E-1\", \"kind\": \"post\", \"text\": \""
        + marker + " is what the delivery man said.\"}");
    api.postJson("/v1/documents?wait=true", "{\"source\": \"web\", \"id\": \"E-2\", \"kind\": \"post\", \"text\": "
        + "\"Keep this one: Wombatstay.\"}");
    assertThat(filesContaining(marker)).isNotEmpty();

    ApiClient.Response deleted = api.delete("/v1/documents/web/E-1");
    assertThat(deleted.status()).isEqualTo(200);

    assertThat(api.get("/v1/documents/web/E-1").status()).isEqualTo(404);
    assertThat(api.get("/v1/search?mode=keyword&q=" + marker).json().path("total").asLong()).isZero();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!filesContaining(marker).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(filesContaining(marker)).isEmpty();
    assertThat(api.get("/v1/documents/web/E-2").json().path("document").path("text").asText()).contains("Wombatstay");
    assertThat(api.delete("/v1/documents/web/E-1").status()).isEqualTo(404);
  }

  /** The files under the data dir whose bytes hold {@code text} (UTF-8). */
  private static List<Path> filesContaining(String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException gone) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
