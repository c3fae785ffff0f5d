package org.voc.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** An RSS 2.0 feed at {@code /feed.xml} on loopback, for crawl tests; every other path is a 404. */
public final class FeedSite implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile byte[] feed = new byte[0];

  public FeedSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        if (exchange.getRequestURI().getPath().equals("/feed.xml")) {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
          exchange.sendResponseHeaders(200, feed.length);
          exchange.getResponseBody().write(feed);
        } else {
          exchange.sendResponseHeaders(404, -1);
        }
      }
    });
    server.start();
  }

  /** The site's root URL, without a trailing slash. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves a feed of these items from now on: each {title, path, description}, paths under {@link #base()}. */
  public FeedSite items(String[]... items) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>")
        .append(base()).append("</link><description>d</description>");
    for (String[] item : items) {
      xml.append("<item><title>").append(item[0]).append("</title><link>").append(base()).append(item[1])
          .append("</link><description>").append(item[2]).append("</description></item>");
    }
    feed = xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** How many times the feed was fetched. */
  public int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
