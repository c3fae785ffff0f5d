package org.voc.crawlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpDocumentSinkTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A service that answers 429 with {@code retryAfter} {@code busyAnswers} times, then accepts. */
  private URI busyService(int busyAnswers, String retryAfter) throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/documents", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] answer;
      if (calls.incrementAndGet() <= busyAnswers) {
        if (retryAfter != null) {
          exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        answer = "{\"error\":{\"code\":\"queue_full\",\"message\":\"busy\"}}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(429, answer.length);
      } else {
        answer = "{\"results\":[{\"status\":\"created\"}]}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
      }
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static List<ObjectNode> oneDocument() {
    ObjectNode document = JSON.createObjectNode().put("source", "csv").put("id", "1").put("text", "Late again.");
    return List.of(document);
  }

  @Test
  void aBusyServiceIsWaitedOutAsLongAsItTakesWithinTheBudget() throws Exception {
    // 30 busy answers: far more than the connection-failure attempts, well within 15 minutes.
    URI service = busyService(30, "2");
    try (HttpDocumentSink sink = new HttpDocumentSink(service, null, Duration.ofMinutes(15), waits::add)) {
      List<DocumentSink.Result> results = sink.send(oneDocument());

      assertThat(results).extracting(DocumentSink.Result::status).containsExactly("created");
    }
    assertThat(waits).hasSize(30).allMatch(wait -> wait.equals(Duration.ofSeconds(2)));
    // The same batch every time: nothing is lost or split between the retries.
    assertThat(bodies).hasSize(31).allMatch(body -> body.equals(bodies.getFirst()));
  }

  @Test
  void retryAfterIsBoundedAndMissingOneBacksOff() throws Exception {
    URI service = busyService(3, "3600");
    try (HttpDocumentSink sink = new HttpDocumentSink(service, null, Duration.ofMinutes(15), waits::add)) {
      sink.send(oneDocument());
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));

    stop();
    waits.clear();
    service = busyService(3, null);
    try (HttpDocumentSink sink = new HttpDocumentSink(service, null, Duration.ofMinutes(15), waits::add)) {
      sink.send(oneDocument());
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void aServiceBusyBeyondTheBudgetIsGivenUpWithAClearError() throws Exception {
    URI service = busyService(Integer.MAX_VALUE, "60");
    try (HttpDocumentSink sink = new HttpDocumentSink(service, null, Duration.ofMinutes(5), waits::add)) {
      assertThatThrownBy(() -> sink.send(oneDocument()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("stayed busy (429, 6 answers) for 300 s");
    }
    assertThat(waits).hasSize(5);
  }

  @Test
  void connectionFailuresAreRetriedAFewTimesThenReported() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
    try (HttpDocumentSink sink = new HttpDocumentSink(nowhere, null, Duration.ofMinutes(15), waits::add)) {
      assertThatThrownBy(() -> sink.send(oneDocument())).isInstanceOf(IOException.class);
    }
    assertThat(waits).hasSize(HttpDocumentSink.ATTEMPTS - 1);
  }
}
