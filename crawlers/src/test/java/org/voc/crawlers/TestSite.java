package org.voc.crawlers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small web site on loopback for crawler tests: pages by path (with query), each answered with an
 * ETag that {@code If-None-Match} is checked against (unless the path is listed as without
 * validators), redirects, and a log of every request with its User-Agent.
 */
final class TestSite implements AutoCloseable {

  record Request(String path, String userAgent, String ifNoneMatch) {}

  private final HttpServer server;
  private final Map<String, String[]> pages = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final List<String> withoutValidators = new CopyOnWriteArrayList<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  TestSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  TestSite page(String pathAndQuery, String contentType, String body) {
    pages.put(pathAndQuery, new String[] {contentType, body});
    return this;
  }

  TestSite redirect(String path, String location) {
    redirects.put(path, location);
    return this;
  }

  TestSite noValidators(String path) {
    withoutValidators.add(path);
    return this;
  }

  long requestsFor(String pathAndQuery) {
    return requests.stream().filter(r -> r.path().equals(pathAndQuery)).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent"), ifNoneMatch));
    try (exchange) {
      if (redirects.containsKey(path)) {
        exchange.getResponseHeaders().add("Location", redirects.get(path));
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      String[] page = pages.get(path);
      if (page == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = page[1].getBytes(StandardCharsets.UTF_8);
      if (!withoutValidators.contains(path)) {
        String etag = "\"" + Integer.toHexString(page[1].hashCode()) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(ifNoneMatch)) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
      }
      exchange.getResponseHeaders().add("Content-Type", page[0]);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
