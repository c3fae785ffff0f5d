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
 * Posts batches as NDJSON to {@code BASE/v1/documents} of a running voc service. A full queue (429)
 * is waited out as its {@code Retry-After} says, and so is a connection failure (with backoff), a
 * few times, before giving up.
 */
public final class HttpDocumentSink implements DocumentSink {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 8;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String apiKey;

  /** @param apiKey sent as {@code Authorization: Bearer}; null for none */
  public HttpDocumentSink(URI server, String apiKey) {
    String base = server.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/v1/documents");
    this.apiKey = apiKey;
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
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
          .header("content-type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (apiKey != null) {
        request.header("authorization", "Bearer " + apiKey);
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 429 && response.statusCode() != 503) {
          return response;
        }
        long seconds = response.headers().firstValueAsLong("retry-after").orElse(1L << Math.min(attempt, 5));
        Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 60))));
        last = new IOException(endpoint + " stayed busy (" + response.statusCode() + ")");
      } catch (IOException e) {
        last = e;
        Thread.sleep(Duration.ofMillis(250L << Math.min(attempt, 6)));
      }
    }
    throw last;
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
