package org.voc.eval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code voc serve} as a child JVM on a free loopback port with its own data dir, and the two calls
 * the ingest benchmark makes: post a batch, count what search finds of a source.
 *
 * <p>A child process rather than the service's classes in this JVM: {@code eval} may not depend
 * on {@code service} (nothing does; the module graph stays acyclic), and the figure is meant to
 * be end to end anyway, HTTP and JSON included, as a client sees it. The service is started from
 * its own build output ({@code service/target/voc-service.jar} and {@code service/target/lib}),
 * which {@code ./voc} builds together with eval.
 */
final class VocService implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final ChildJvm jvm;

  private VocService(String name, ChildJvm jvm) {
    this.name = name;
    this.jvm = jvm;
  }

  /**
   * Starts the service with the {@code analysis} settings {@code analysis} (a YAML flow map such as
   * {@code {sentiment: transformer}}), no rate limit (one client posts as fast as it is answered)
   * and default workers (one per core), with the heap {@code ./voc serve} gets by default (2 GiB);
   * waits for {@code /health}.
   */
  static VocService start(String name, String analysis, String classpath, Path dir)
      throws IOException, InterruptedException {
    Path home = Files.createDirectories(dir.resolve(name));
    int port = ChildJvm.freePort();
    Path config = home.resolve("voc.yaml");
    Files.writeString(config, String.format(Locale.ROOT, """
        host: 127.0.0.1
        port: %d
        data: %s
        limits: {requestsPerSecond: 0}
        analysis: %s
        """, port, home.resolve("data"), analysis), StandardCharsets.UTF_8);
    ChildJvm jvm = ChildJvm.start("voc-" + name,
        List.of("-Xmx1792m", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-Dai.djl.offline=true",
            "--add-modules", "jdk.incubator.vector"),
        classpath, "org.voc.service.Main", List.of("serve", "--config", config.toString()), port, home);
    return new VocService(name, jvm);
  }

  String name() {
    return name;
  }

  /** The service's resident memory now, in bytes. */
  long rssBytes() throws IOException {
    return jvm.rssBytes();
  }

  /** Waits until the service answers {@code /health} (it loads its models first). */
  void awaitHealthy() throws IOException, InterruptedException {
    jvm.awaitReady("/health", Duration.ofMinutes(5));
  }

  /**
   * The service's build output next to this module's: {@code ROOT/eval/target/voc-eval.jar} (or
   * {@code ROOT/eval/target/classes} in tests) gives {@code ROOT}.
   */
  static String defaultClasspath() {
    Path root;
    try {
      Path code = Path.of(VocService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      root = code.toAbsolutePath().getParent().getParent().getParent();
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot tell where eval was started from; pass --service-classpath", e);
    }
    Path jar = root.resolve("service/target/voc-service.jar");
    Path lib = root.resolve("service/target/lib");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
      throw new IllegalStateException("no built service at " + jar + " and " + lib
          + ": run ./voc build, or pass --service-classpath");
    }
    return jar + File.pathSeparator + lib + File.separator + "*";
  }

  /** Posts {@code documents} as one batch; retries while the service answers 429 or 503. */
  void post(List<Map<String, Object>> documents) throws IOException, InterruptedException {
    byte[] body = JSON.writeValueAsBytes(Map.of("documents", documents));
    HttpRequest request = HttpRequest.newBuilder(jvm.uri("/v1/documents")).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = jvm.http().send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 == 2) {
        return;
      }
      if ((status != 429 && status != 503) || attempt == 1_000) {
        throw new IOException("POST /v1/documents answered " + status + ": " + response.body());
      }
      long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
      Thread.sleep(Math.max(50, Math.min(seconds * 1000, 1000)));
    }
  }

  /** How many documents of {@code source} search finds now. */
  long searchable(String source) throws IOException, InterruptedException {
    String query = "/v1/search?mode=keyword&limit=1&source=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(jvm.uri(query)).timeout(Duration.ofMinutes(1)).GET().build();
    HttpResponse<String> response = jvm.http().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + query + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("total").asLong();
  }

  /** Fails with the service's log if it has exited. */
  void checkAlive() throws IOException {
    if (!jvm.isAlive()) {
      throw new IOException("the service exited:\n" + jvm.logTail());
    }
  }

  @Override
  public void close() throws InterruptedException {
    jvm.close();
  }
}
