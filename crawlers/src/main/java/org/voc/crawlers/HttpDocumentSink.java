package org.voc.crawlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts batches as NDJSON to {@code BASE/v1/documents} of a running voc service. A busy service (429
 * or 503) is waited out as its {@code Retry-After} says, for as long as it keeps answering, up to
 * {@link #BUSY_BUDGET} of waiting per batch: a large import into a slower service is throttled, not
 * abandoned. A connection failure is retried with backoff {@link #ATTEMPTS} times before giving up.
 */
public final class HttpDocumentSink implements DocumentSink {

  /** Connection failures (or timeouts) in a row after which a batch is given up. */
  static final int ATTEMPTS = 8;

  /** The most time one batch waits on busy answers before it is given up. */
  static final Duration BUSY_BUDGET = Duration.ofMinutes(15);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the sink waits; tests record the waits instead. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String apiKey;
  private final Duration busyBudget;
  private final Sleeper sleeper;

  /** @param apiKey sent as {@code Authorization: Bearer}; null for none */
  public HttpDocumentSink(URI server, String apiKey) {
    this(server, apiKey, BUSY_BUDGET, Thread::sleep);
  }

  HttpDocumentSink(URI server, String apiKey, Duration busyBudget, Sleeper sleeper) {
    String base = server.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/v1/documents");
    this.apiKey = apiKey;
    this.busyBudget = busyBudget;
    this.sleeper = sleeper;
  }

  @Override
  public List<Result> send(List<ObjectNode> documents) throws IOException, InterruptedException {
    if (documents.isEmpty()) {
      return List.of();
    }
    StringBuilder body = new StringBuilder();
    for (ObjectNode document : documents) {
      body.append(JSON.writeValueAsString(document)).append('\n');
    }
    HttpResponse<String> response = post(body.toString());
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200 && !(response.statusCode() == 400 && answer.has("results"))) {
      throw new IOException(endpoint + " answered " + response.statusCode() + ": " + response.body());
    }
    List<Result> results = new ArrayList<>();
    for (JsonNode result : answer.path("results")) {
      JsonNode error = result.path("error");
      results.add(new Result(result.path("status").asText(), text(error, "code"), text(error, "message"),
          text(error, "field")));
    }
    if (results.size() != documents.size()) {
      throw new IOException(endpoint + " answered " + results.size() + " results for " + documents.size() + " documents");
    }
    return results;
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    Duration waited = Duration.ZERO;
    int busy = 0;
    int failures = 0;
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
          .header("content-type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (apiKey != null) {
        request.header("authorization", "Bearer " + apiKey);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        failures++;
        if (failures >= ATTEMPTS) {
          throw e;
        }
        sleeper.sleep(Duration.ofMillis(250L << Math.min(failures, 6)));
        continue;
      }
      failures = 0;
      if (response.statusCode() != 429 && response.statusCode() != 503) {
        return response;
      }
      busy++;
      long seconds = response.headers().firstValueAsLong("retry-after").orElse(1L << Math.min(busy, 5));
      Duration wait = Duration.ofSeconds(Math.clamp(seconds, 1, 60));
      if (waited.plus(wait).compareTo(busyBudget) > 0) {
        throw new IOException(endpoint + " stayed busy (" + response.statusCode() + ", " + busy
            + " answers) for " + waited.toSeconds() + " s; giving up on this batch");
      }
      sleeper.sleep(wait);
      waited = waited.plus(wait);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  @Override
  public void close() {
    http.close();
  }
}
