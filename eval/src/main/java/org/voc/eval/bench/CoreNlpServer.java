package org.voc.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.pipeline.CoreNLPProtos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Stanford's own {@code StanfordCoreNLPServer}, started as a child JVM from this JVM's classpath
 * (the same CoreNLP jars and models), with the given properties and annotators preloaded, on a
 * free loopback port. Texts are POSTed one per request with the annotators and {@code
 * outputFormat} ({@code json} as most clients ask, or {@code serialized}) in {@code ?properties=}. Nothing is downloaded: the models
 * are the classpath's, and the child's temporary directory (where the server writes its shutdown
 * key) is ours.
 */
final class CoreNlpServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server answers with: JSON (what most clients ask for), or its protocol buffer. */
  enum Output {
    JSON, SERIALIZED;

    static Output of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ChildJvm jvm;
  private final Map<Output, String> queries = new EnumMap<>(Output.class);

  private CoreNlpServer(ChildJvm jvm, String annotators) throws IOException {
    this.jvm = jvm;
    for (Output output : Output.values()) {
      String properties = JSON.writeValueAsString(Map.of("annotators", annotators, "outputFormat", output.wireName()));
      queries.put(output, "/?properties=" + URLEncoder.encode(properties, StandardCharsets.UTF_8));
    }
  }

  /** Starts the server with {@code threads} annotation threads and waits until it is ready. */
  static CoreNlpServer start(Properties properties, String annotators, int threads, Path dir)
      throws IOException, InterruptedException {
    Properties server = new Properties();
    server.putAll(properties);
    server.setProperty("annotators", annotators);
    Path file = dir.resolve("corenlp-server.properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      server.store(out, "voc bench: the properties voc's own pipeline runs with");
    }
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    int port = ChildJvm.freePort();
    ChildJvm jvm = ChildJvm.start("corenlp-server",
        List.of("-Xmx2g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + tmp),
        System.getProperty("java.class.path"), "edu.stanford.nlp.pipeline.StanfordCoreNLPServer",
        List.of("-port", Integer.toString(port), "-threads", Integer.toString(threads), "-timeout", "120000",
            "-quiet", "true", "-serverProperties", file.toString(), "-preload", annotators),
        port, dir);
    try {
      jvm.awaitReady("/ready", Duration.ofMinutes(3));
      return new CoreNlpServer(jvm, annotators);
    } catch (IOException | InterruptedException | RuntimeException e) {
      jvm.close();
      throw e;
    }
  }

  /** Annotates {@code text}; returns the number of sentences in the server's answer. */
  int annotate(String text, Output output) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(jvm.uri(queries.get(output))).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
    HttpResponse<byte[]> response = jvm.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("CoreNLP server answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    if (output == Output.SERIALIZED) {
      return CoreNLPProtos.Document.parseDelimitedFrom(new ByteArrayInputStream(response.body())).getSentenceCount();
    }
    JsonNode sentences = JSON.readTree(response.body()).path("sentences");
    return sentences.size();
  }

  boolean isRunning() {
    return jvm.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    jvm.close();
  }
}
