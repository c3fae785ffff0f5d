package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.VocJson;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * Hostile input on every endpoint, from a fixed seed: malformed and deeply nested JSON, huge
 * strings, invalid UTF-8, control characters and NULs, HTML and script, query-syntax abuse, wrong
 * content types and methods, huge headers, bad path and query parameters, garbled requests on a raw
 * socket. No answer may be a 5xx, every 4xx carries the JSON error body, and afterwards the service
 * is healthy and every acknowledged document is still there.
 *
 * <p>{@code -Dvoc.fuzz.requests=N} (default 3000) and {@code -Dvoc.fuzz.seed=S} run it longer or
 * differently: {@code mvn -q -pl service test -Dtest=HostileInputFuzzTest -Dvoc.fuzz.requests=100000}.
 */
class HostileInputFuzzTest {

  private static final String KEY = "fuzz-key-0123456789abcdef";
  private static final int REQUESTS = Integer.getInteger("voc.fuzz.requests", 3000);
  private static final long SEED = Long.getLong("voc.fuzz.seed", 20261202L);

  @TempDir Path dir;

  private Random random;
  private HttpClient client;
  private int port;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final Map<String, long[]> timeByRoute = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final Set<String> acknowledged = new HashSet<>();
  private int sent;

  /** A request to send: method, path with query, headers and body. */
  private record Shot(String method, String target, Map<String, String> headers, byte[] body) {}

  @Test
  void hostileRequestsNeverGetA5xxAndLeaveTheServiceHealthy() throws Exception {
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"),
        List.of(new VocConfig.ApiKey(KEY, List.of("ingest", "read", "admin"))), null, null,
        Map.of("zendesk", new VocConfig.Webhook("zendesk-secret-123", null)), null, null,
        // No rate limit: the run probes what the routes answer, not how fast it may send (RateLimitTest does).
        new VocConfig.Limits(16L * 1024, 2L << 20, 64, 50_000, 10).withRate(0, 0), null, null);
    random = new Random(SEED);
    try (VocServer server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      port = server.port();
      client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
          .build();
      long start = System.nanoTime();
      foundBefore();
      for (int i = 0; i < REQUESTS; i++) {
        Shot shot = random.nextInt(40) == 0 ? rawRequest() : shot();
        long headerBytes = shot.target().length()
            + shot.headers().entrySet().stream().mapToLong(h -> h.getKey().length() + h.getValue().length()).sum();
        long began = System.nanoTime();
        if (headerBytes > 60_000) {
          raw(shot); // over the server's limits: it answers and closes, which the socket reads as it is
        } else {
          send(shot);
        }
        long[] time = timeByRoute.computeIfAbsent(shot.method() + " " + route(shot.target()), k -> new long[2]);
        time[0]++;
        time[1] += System.nanoTime() - began;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "hostile-input fuzz: %d requests (seed %d) in %.1f s, statuses %s, "
          + "%d documents acknowledged%n", sent, SEED, seconds, statuses, acknowledged.size());

      timeByRoute.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(8)
          .forEach(e -> System.out.printf(Locale.ROOT, "  %-32s %5d requests %7.1f s%n", e.getKey(), e.getValue()[0],
              e.getValue()[1] / 1e9));
      assertThat(failures).as("answers that break the contract").isEmpty();
      assertThat(statuses.keySet()).allMatch(status -> status < 500);
      HttpResponse<String> health = get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(VocJson.mapper().readTree(health.body()).path("status").asText()).isEqualTo("up");
      for (String key : acknowledged) {
        String[] parts = key.split("\u0001", 2);
        HttpResponse<String> stored = get("/v1/documents/" + segment(parts[0]) + "/" + segment(parts[1]));
        assertThat(stored.statusCode()).as("acknowledged document %s", key.replace('\u0001', '/')).isEqualTo(200);
      }
    }
  }

  /** What earlier runs found (each a 500 then, or a document the index could not take), sent every time. */
  private void foundBefore() throws Exception {
    for (String target : List.of("/v1/compare?to=%2B999999999-12-31", "/v1/search?from=-999999999-01-01",
        "/v1/reports/%", "/v1/documents/%zz/x", "/%FF//%zz/")) {
      send(new Shot("GET", target, Map.of("Authorization", "Bearer " + KEY), null));
    }
    Shot farFuture = new Shot("POST", "/v1/documents", Map.of("Authorization", "Bearer " + KEY,
        "Content-Type", "application/json"), ("{\"source\":\"fz\",\"kind\":\"post\",\"text\":\"x\","
        + "\"createdAt\":\"+999999999-12-31\"}").getBytes(StandardCharsets.UTF_8));
    send(farFuture);
    assertThat(statuses).as("answers to what earlier runs found").isEqualTo(Map.of(400, 6));
  }

  // ---- sending and checking ----

  private void send(Shot shot) {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + shot.target()))
          .timeout(Duration.ofSeconds(60))
          .method(shot.method(), shot.body() == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(shot.body()));
      shot.headers().forEach(request::header);
    } catch (IllegalArgumentException clientRefuses) {
      raw(shot); // a target or header the JDK client will not send goes over the socket as it is
      return;
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // The server may close a connection after a request it cannot read; the status still counts.
      failures.add(shot.method() + " " + abbreviate(shot.target()) + ": " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    check(shot, response.statusCode(), response.headers().firstValue("content-type").orElse(""),
        decoded(response.headers().firstValue("content-encoding").orElse(""), response.body()));
  }

  private void check(Shot shot, int status, String contentType, byte[] body) {
    sent++;
    statuses.merge(status, 1, Integer::sum);
    String what = shot.method() + " " + abbreviate(shot.target()) + " -> " + status;
    if (status >= 500) {
      failures.add(what + " " + abbreviate(new String(body, StandardCharsets.UTF_8)));
      return;
    }
    if (status >= 400 && !shot.method().equals("HEAD")) {
      try {
        JsonNode error = VocJson.mapper().readTree(body).path("error");
        if (!contentType.startsWith("application/json") || !error.path("code").isTextual()
            || !error.path("message").isTextual()) {
          failures.add(what + " without the JSON error body: " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        failures.add(what + " with a body that is not JSON: " + abbreviate(new String(body, StandardCharsets.UTF_8)));
      }
    }
    // (A path like /v1/documents/../.. is normalized to / and answered with the analyst page.)
    if (status < 300 && contentType.startsWith("application/json")
        && (shot.target().startsWith("/v1/documents") || shot.target().startsWith("/v1/webhooks"))) {
      remember(shot, body);
    }
  }

  /** Records the documents an answer acknowledged, and forgets those a DELETE erased. */
  private void remember(Shot shot, byte[] body) {
    JsonNode answer;
    try {
      answer = VocJson.mapper().readTree(body);
    } catch (IOException e) {
      failures.add(shot.method() + " " + abbreviate(shot.target()) + ": a 2xx that is not JSON");
      return;
    }
    if (shot.method().equals("DELETE")) {
      acknowledged.remove(answer.path("source").asText() + "\u0001" + answer.path("id").asText());
      return;
    }
    List<JsonNode> results = new ArrayList<>();
    if (answer.has("results")) {
      answer.get("results").forEach(results::add);
    } else {
      results.add(answer);
    }
    for (JsonNode result : results) {
      String status = result.path("status").asText();
      if (status.equals("created") || status.equals("updated") || status.equals("duplicate")) {
        acknowledged.add(result.path("source").asText() + "\u0001" + result.path("id").asText());
      }
    }
  }

  /** Sends the bytes as they are on a socket and reads the answer up to the end of its body. */
  private void raw(Shot shot) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    byte[] head = (shot.method() + " " + shot.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    request.writeBytes(head);
    shot.headers().forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1)));
    byte[] body = shot.body() == null ? new byte[0] : shot.body();
    if (!shot.headers().containsKey("Content-Length") && !shot.headers().containsKey("Transfer-Encoding")) {
      request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    request.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    request.writeBytes(body);
    rawBytes(shot, request.toByteArray());
  }

  private void rawBytes(Shot shot, byte[] bytes) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException closedEarly) {
        // The server may answer and close before it has read everything; read what it said.
      }
      byte[] answer = readAll(socket.getInputStream());
      String text = new String(answer, StandardCharsets.ISO_8859_1);
      if (answer.length == 0) {
        // Closed without an answer: only acceptable for bytes that are not HTTP at all.
        if (shot.method().matches("[A-Z]+")) {
          failures.add("raw " + shot.method() + " " + abbreviate(shot.target()) + ": connection closed without an answer");
        }
        return;
      }
      int status = Integer.parseInt(text.substring(9, 12));
      int split = text.indexOf("\r\n\r\n");
      String headers = text.substring(0, split).toLowerCase(Locale.ROOT);
      byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(answer, split + 4, answer.length);
      if (headers.contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      body = decoded(headers.contains("content-encoding: gzip") ? "gzip"
          : headers.contains("content-encoding: deflate") ? "deflate" : "", body);
      String contentType = headers.lines().filter(l -> l.startsWith("content-type:")).findFirst()
          .map(l -> l.substring("content-type:".length()).trim()).orElse("");
      check(shot, status, contentType, body);
    } catch (IOException | RuntimeException e) {
      failures.add("raw " + abbreviate(shot.method() + " " + shot.target()) + ": " + e);
    }
  }

  /** The body as sent before compression (the server compresses when the client accepts it). */
  private static byte[] decoded(String contentEncoding, byte[] body) {
    try {
      return switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
        case "gzip" -> new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        case "deflate" -> new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        default -> body;
      };
    } catch (IOException e) {
      return body; // not what it says it is: the check reports it
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // a reset after the answer: keep what came
    }
    return all.toByteArray();
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    String text = new String(body, StandardCharsets.ISO_8859_1);
    while (at < text.length()) {
      int eol = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(body, eol + 2, size);
      at = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first two segments of the path: where the time goes. */
  private static String route(String target) {
    String path = target.split("\\?", 2)[0];
    String[] segments = path.split("/", 4);
    return segments.length < 3 ? path : "/" + segments[1] + "/" + segments[2];
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + text.length() + " chars)";
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---- what to send ----

  private static final String[] GET_PATHS = {"/v1/search", "/v1/themes", "/v1/compare", "/v1/reports",
      "/v1/reports/weekly", "/v1/classifiers", "/v1/taxonomy/themes", "/v1/taxonomy/brands", "/health", "/metrics",
      "/openapi.json", "/"};
  private static final String[] POST_PATHS = {"/v1/documents", "/v1/analyze", "/v1/webhooks/zendesk",
      "/v1/webhooks/freshdesk", "/v1/webhooks/intercom", "/v1/classifiers/fuzz/train"};
  private static final String[] PUT_PATHS = {"/v1/taxonomy/themes", "/v1/taxonomy/brands"};
  private static final String[] FILTERS = {"q", "kind", "source", "brand", "theme", "sentiment", "from", "to",
      "minRating", "maxRating", "urgency", "class", "classifier", "mode", "limit", "cursor", "sort", "discover", "brands", "week",
      "format", "wait", "kinds", "minConfidence", "heldOut", "oos", "textColumn", "labelColumn"};
  private static final String[] QUERIES = {"*", "?", "*:*", "?~", "a~", "a~99", "/.*/", "/[a-z]+{1,1000}/", "\"",
      "\"unbalanced", "AND AND", "OR", "NOT", "NOT NOT NOT", "( ( (", ")))", "a AND", "AND a", "\\", "\\\\\"",
      "*crash", "?rash", "cr*sh", "title:x", "text:[a TO z]", "{!lucene}x", "a^1000", "a^-1", "field:", "&&", "||",
      "!", "+-+-", "~~~", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\u0000", "\uFFFF", "\uD800",
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "\u202Eevil", "a".repeat(10_000), "crash ".repeat(10_000), "\"a b\" ".repeat(500),
      "(((((((((((((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))))))))))))",
      "a OR ".repeat(2_000) + "b", "NOT a ".repeat(100), "\"" + "x ".repeat(5_000) + "\""};
  private static final String[] VALUES = {"", " ", "x", "-1", "0", "1", "1e309", "NaN", "Infinity", "-Infinity",
      "99999999999999999999", "0x10", "true", "false", "yes", "null", "2026-13-45", "2026-W99", "9999-W01",
      "0000-W00", "2026-W47", "1970-01-01", "+999999999-12-31", "2026-11-20T25:00:00Z", "2026-11-20T10:00:00+25:00",
      "review", "ticket,post,review", "negative,,positive", "html", "csv", "md", "json", "pdf", "keyword",
      "semantic", "hybrid", "relevance", "newest", "intent:x", ":", "a:", ":b", "a:b:c", "acme,globex",
      "%00", "%FF", "%C0%AF", "%E2%82", "%", "%%", "%zz", "<script>", "'\"", "../../etc/passwd", "\u0007",
      "a".repeat(5_000)};
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
      "application/json; charset=latin1", "application/x-ndjson", "application/ndjson", "text/plain", "text/csv",
      "text/tab-separated-values", "application/xml", "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded", "text/html", "image/png", "application/octet-stream", "", "json",
      "application/json;;;;", "*/*", "application/json\u0000"};

  private Shot shot() {
    int kind = random.nextInt(100);
    if (kind < 30) {
      return jsonBody(pick(POST_PATHS), "POST");
    } else if (kind < 36) {
      return jsonBody(pick(PUT_PATHS), "PUT");
    } else if (kind < 62) {
      return query(pick(GET_PATHS));
    } else if (kind < 72) {
      return pathParams();
    } else if (kind < 80) {
      return wrongMethodOrType();
    } else if (kind < 86) {
      return headers();
    } else if (kind < 93) {
      return validDocument();
    } else {
      return deleteOrGet();
    }
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private Map<String, String> auth(String contentType) {
    Map<String, String> headers = new TreeMap<>();
    if (random.nextInt(20) > 0) {
      headers.put("Authorization", "Bearer " + KEY);
    } else {
      headers.put("Authorization", pick(new String[] {"Bearer", "Bearer ", "Basic abc", "Bearer x", "bearer " + KEY,
          "Bearer " + KEY + "x", "Bearer " + "k".repeat(8_000)}));
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return headers;
  }

  private Shot jsonBody(String path, String method) {
    String contentType = random.nextInt(5) == 0 ? pick(CONTENT_TYPES)
        : path.endsWith("/train") ? pick(new String[] {"text/csv", "application/json", "application/x-ndjson"})
        : "application/json";
    String query = random.nextInt(4) == 0 ? "?wait=" + pick(new String[] {"true", "false", "maybe", ""}) : "";
    return new Shot(method, path + query, auth(contentType), hostileBody());
  }

  private byte[] hostileBody() {
    int n = 1 + random.nextInt(100_000);
    return switch (random.nextInt(22)) {
      case 0 -> "[".repeat(n).getBytes(StandardCharsets.UTF_8);
      case 1 -> "{\"a\":".repeat(n / 5 + 1).getBytes(StandardCharsets.UTF_8);
      case 2 -> ("[".repeat(900) + "]".repeat(900)).getBytes(StandardCharsets.UTF_8);
      case 3 -> ("{\"documents\":" + "[".repeat(n) + "}").getBytes(StandardCharsets.UTF_8);
      case 4 -> randomBytes(random.nextInt(5_000));
      case 5 -> invalidUtf8Document();
      case 6 -> document("text", "\"" + "x".repeat(16 * 1024 + random.nextInt(100)) + "\"");
      case 7 -> ("\"" + "y".repeat(random.nextInt(3) == 0 ? (2 << 20) + 10 : 300_000) + "\"").getBytes(StandardCharsets.UTF_8);
      case 8 -> document("text", "\"a\\u0000b\\u0001c\\u001f\\u007f\\uD800\\uDFFF\\uFFFE\"");
      case 9 -> document("text", "\"<script>alert(1)</script><img src=x onerror=alert(2)><style>*{}</style>"
          + "<a href='javascript:evil()'>x</a>]]><!--\"");
      case 10 -> document(pick(new String[] {"text", "id", "source", "kind", "createdAt", "rating", "ratingMax",
          "metadata", "title", "brand", "url", "lang", "author", "product"}), pick(new String[] {"null", "1", "-1e309",
          "1e309", "[]", "{}", "[1,2]", "{\"a\":{\"b\":1}}", "true", "\"\"", "\" \"", "\"\\u0000\"",
          "\"" + "k".repeat(5_000) + "\"", "123456789012345678901234567890", "-0", "0.0", "\"2026-02-30\"",
          "\"review\\u0000\"", "\"+999999999-12-31\"", "\"-999999999-01-01T00:00:00Z\"", "{\"k\":[1]}", "{\"k\":null}", "\"a/b\"", "\"..\""}));
      case 11 -> "{\"text\": \"ok\", \"text\": \"dup\", \"source\":\"fz\", \"kind\":\"post\"}".getBytes(StandardCharsets.UTF_8);
      case 12 -> "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8);
      case 13 -> "{'text': 'single quotes'}".getBytes(StandardCharsets.UTF_8);
      case 14 -> "/* comment */ {\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8);
      case 15 -> ("{\"text\": " + "1".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8);
      case 16 -> ("{\"documents\": [" + "{\"text\":\"t\",\"source\":\"fz\",\"kind\":\"post\"},".repeat(random.nextInt(300))
          + "{}]}").getBytes(StandardCharsets.UTF_8);
      case 17 -> ndjson();
      case 18 -> new byte[0];
      case 19 -> ("[" + "{\"name\":\"n\"},".repeat(random.nextInt(3_000)) + "{\"name\":\"n\"}]").getBytes(StandardCharsets.UTF_8);
      case 20 -> "text,label\nhello,a\n\"unbalanced,b\n,,,\n\u0000,\u0001\n".getBytes(StandardCharsets.UTF_8);
      default -> ("{\"ticket\": {\"id\": " + pick(new String[] {"1", "\"x\"", "null", "[]", "1e999"})
          + ", \"subject\": " + pick(new String[] {"\"s\"", "1", "null", "{}"}) + ", \"description\": \"d\"},"
          + " \"data\": {}, \"topic\": \"conversation.user.created\", \"freshdesk_webhook\": {}}")
          .getBytes(StandardCharsets.UTF_8);
    };
  }

  private byte[] document(String field, String rawValue) {
    Map<String, String> fields = new TreeMap<>(Map.of("text", "\"fuzz text\"", "source", "\"fz\"", "kind", "\"post\"",
        "id", "\"F-" + random.nextInt(1_000) + "\""));
    fields.put(field, rawValue);
    StringBuilder json = new StringBuilder("{");
    fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] invalidUtf8Document() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"source\":\"fz\",\"kind\":\"post\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
    byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {0}};
    out.writeBytes(bad[random.nextInt(bad.length)]);
    out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] ndjson() {
    StringBuilder lines = new StringBuilder();
    int n = 1 + random.nextInt(50);
    for (int i = 0; i < n; i++) {
      lines.append(switch (random.nextInt(5)) {
        case 0 -> "{\"source\":\"fz\",\"kind\":\"review\",\"id\":\"N-" + random.nextInt(200) + "\",\"text\":\"line " + i + "\"}";
        case 1 -> "[[[[";
        case 2 -> "";
        case 3 -> "{\"text\":1}";
        default -> "\u0000\u0001\r";
      }).append(random.nextBoolean() ? "\n" : "\r\n");
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Shot query(String path) {
    StringBuilder query = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i <= n; i++) {
      String name = random.nextInt(8) == 0 ? pick(new String[] {"unknown", "Q", "q[]", "%00", "%FF", "", "="})
          : pick(FILTERS);
      String value = name.equals("q") && random.nextBoolean() ? pick(QUERIES) : pick(VALUES);
      query.append(i == 0 ? "?" : "&").append(name).append('=').append(encode(value));
    }
    if (random.nextInt(10) == 0) {
      query.append("&mode=keyword&q=").append(encode(pick(QUERIES)));
    }
    return new Shot("GET", path + query, auth(null), null);
  }

  /** Mostly percent-encoded, sometimes sent as is (so %FF, %zz and bare % reach the server). */
  private String encode(String value) {
    if (value.startsWith("%") && random.nextBoolean()) {
      return value;
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Shot pathParams() {
    String[] segments = {"x", "%00", "%FF", "%C0%AE%C0%AE", "..", "%2e%2e", "%2F", "a%2Fb", "%", "%zz", "a".repeat(3_000),
        "%E2%80%AE", "<script>", "fz", "web", "F-1", "N-1", "2026-W47.html", "2026-W47.exe", "..%2F..%2Fpom.xml",
        "%252e", "app.js", "x.js", "..%2Findex.html", "%0d%0aSet-Cookie:x", ""};
    String a = pick(segments);
    String b = pick(segments);
    String target = switch (random.nextInt(8)) {
      case 0 -> "/v1/documents/" + a + "/" + b;
      case 1 -> "/v1/reports/" + a;
      case 2 -> "/v1/classifiers/" + a;
      case 3 -> "/v1/webhooks/" + a;
      case 4 -> "/assets/" + a;
      case 5 -> "/v1/classifiers/" + a + "/train";
      case 6 -> "/v1/" + a + "/" + b;
      default -> "/" + a + "//" + b + "/./../";
    };
    String method = pick(new String[] {"GET", "GET", "DELETE", "POST"});
    return new Shot(method, target, auth(method.equals("POST") ? "application/json" : null),
        method.equals("POST") ? "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8) : null);
  }

  private Shot wrongMethodOrType() {
    String path = random.nextBoolean() ? pick(GET_PATHS) : pick(POST_PATHS);
    String method = pick(new String[] {"PATCH", "PUT", "DELETE", "OPTIONS", "TRACE", "POST", "GET", "FOO", "HEAD"});
    byte[] body = random.nextBoolean() ? "{\"text\":\"x\",\"source\":\"fz\",\"kind\":\"post\"}".getBytes(StandardCharsets.UTF_8) : null;
    return new Shot(method, path, auth(body == null ? null : pick(CONTENT_TYPES)), body);
  }

  private Shot headers() {
    Map<String, String> headers = auth(pick(CONTENT_TYPES));
    switch (random.nextInt(6)) {
      case 0 -> headers.put("X-Huge", "h".repeat(70_000 + random.nextInt(100_000)));
      case 1 -> {
        for (int i = 0; i < 500; i++) {
          headers.put("X-Many-" + i, "v".repeat(100));
        }
      }
      case 2 -> headers.put("Accept", "*/*;q=" + "9".repeat(1_000));
      case 3 -> headers.put("Content-Encoding", pick(new String[] {"gzip", "deflate", "br", "identity, gzip"}));
      case 4 -> headers.put("Accept-Encoding", "gzip, deflate, br, zstd, " + "x,".repeat(1_000));
      default -> headers.put("X-Zendesk-Webhook-Signature", "sig-" + "=".repeat(random.nextInt(200)));
    }
    String path = random.nextBoolean() ? pick(GET_PATHS) : pick(POST_PATHS);
    byte[] body = path.startsWith("/v1/") && !java.util.Arrays.asList(GET_PATHS).contains(path)
        ? "{\"text\":\"hi\",\"source\":\"fz\",\"kind\":\"post\"}".getBytes(StandardCharsets.UTF_8) : null;
    return new Shot(body == null ? "GET" : "POST", path, headers, body);
  }

  private Shot validDocument() {
    String id = "V-" + random.nextInt(300);
    String text = pick(new String[] {"The app crashes. Refund please.", "Love it, great battery.",
        "<p>Shipping <b>took</b> three weeks</p>", "Mail me at x@y.com \u0000 \u0007", "😀 emoji only 😀",
        "a".repeat(16 * 1024 - 10)});
    String json = VocJson.mapper().createObjectNode().put("source", "fz").put("kind", "review").put("id", id)
        .put("text", text).put("rating", random.nextInt(6)).toString();
    String query = random.nextInt(3) == 0 ? "?wait=true" : "";
    return new Shot("POST", "/v1/documents" + query, auth("application/json"), json.getBytes(StandardCharsets.UTF_8));
  }

  private Shot deleteOrGet() {
    String key = acknowledged.isEmpty() || random.nextInt(3) == 0 ? "fz\u0001V-" + random.nextInt(300)
        : acknowledged.stream().skip(random.nextInt(acknowledged.size())).findFirst().orElseThrow();
    String[] parts = key.split("\u0001", 2);
    String method = random.nextInt(12) == 0 ? "DELETE" : "GET"; // an erasure rewrites and commits: slow
    return new Shot(method, "/v1/documents/" + segment(parts[0]) + "/" + segment(parts[1]), auth(null), null);
  }

  /** Requests the JDK client cannot express: garbled request lines and headers, on a raw socket. */
  private Shot rawRequest() {
    Map<String, String> headers = new TreeMap<>();
    headers.put("Authorization", "Bearer " + KEY);
    return switch (random.nextInt(9)) {
      case 0 -> new Shot("GET", "/v1/search?q=" + "a".repeat(70_000 + random.nextInt(50_000)), headers, null);
      case 1 -> new Shot("GET", "/v1/search?q=%ZZ&kind=%", headers, null);
      case 2 -> new Shot("GET", "/v1/documents/%FF%FE/%00", headers, null);
      case 3 -> {
        headers.put("X-Nul", "a\u0000b");
        yield new Shot("GET", "/health", headers, null);
      }
      case 4 -> {
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", pick(new String[] {"-1", "abc", "99999999999999999999", "10, 20"}));
        yield new Shot("POST", "/v1/documents", headers, "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8));
      }
      case 5 -> {
        headers.put("Content-Type", "application/json");
        headers.put("Transfer-Encoding", "chunked");
        yield new Shot("POST", "/v1/analyze", headers, "zz\r\nnot a chunk\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      }
      case 6 -> new Shot("GET", "/v1/search?q=\u0001\u007f", headers, null);
      case 7 -> new Shot("G\u0000T", "/health", headers, null);
      default -> {
        headers.put("Bad Header Name", "x");
        yield new Shot("GET", "/v1/themes", headers, null);
      }
    };
  }
}
