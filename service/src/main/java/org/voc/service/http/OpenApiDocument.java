package org.voc.service.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of every route, kept by hand in {@code
 * openapi.json} on the classpath (a test checks it against the router, route by route). It needs
 * no API key: it describes the API and holds no data, and tools read it before they have a key.
 */
final class OpenApiDocument {

  static final String RESOURCE = "openapi.json";

  private final Buffer bytes;

  OpenApiDocument() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      bytes = Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  void serve(RoutingContext ctx) {
    ctx.response().putHeader("content-type", Responses.JSON).putHeader("x-content-type-options", "nosniff")
        .putHeader("cache-control", "no-cache").end(bytes);
  }
}
