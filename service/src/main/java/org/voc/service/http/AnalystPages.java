package org.voc.service.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analyst pages: {@code web/index.html} from the classpath at {@code /}, its scripts, styles
 * and icon at {@code /assets/NAME}. They need no API key (they hold no data; the API calls they
 * make do). Every answer carries a strict Content-Security-Policy: scripts and styles only from
 * these files, no inline code, data only from this origin.
 *
 * <p>A handler of ours rather than Vert.x's {@code StaticHandler}: that one looks in the working
 * directory before the classpath, so a stray {@code web/} folder where voc is started would be
 * served. Here only names like {@code app.js} are looked up, and only on the classpath.
 */
final class AnalystPages {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'self'";

  private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");

  private record Asset(Buffer bytes, String contentType, String etag) {}

  // Resources never change while the service runs. Misses are not kept: any name may be asked for.
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  /** Adds {@code GET /} and {@code GET /assets/:name}; register after the API routes. */
  void register(Router router) {
    router.get("/").handler(ctx -> serve(ctx, "index.html", "html"));
    router.get("/assets/:name").handler(ctx -> {
      Matcher name = ASSET.matcher(ctx.pathParam("name"));
      if (name.matches()) {
        serve(ctx, "assets/" + name.group(), name.group(1));
      } else {
        ctx.next();
      }
    });
  }

  private void serve(RoutingContext ctx, String path, String extension) {
    // A few kilobytes from the jar, read once per file: cheap enough for the event loop.
    Asset asset = assets.computeIfAbsent(path, p -> load(p, TYPES.get(extension)));
    if (asset == null) {
      ctx.next();
      return;
    }
    HttpServerResponse response = ctx.response();
    securityHeaders(response);
    response.putHeader("cache-control", "no-cache").putHeader("etag", asset.etag());
    if (asset.etag().equals(ctx.request().getHeader("if-none-match"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("content-type", asset.contentType()).end(asset.bytes());
  }

  static void securityHeaders(HttpServerResponse response) {
    response.putHeader("content-security-policy", CONTENT_SECURITY_POLICY)
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "no-referrer")
        .putHeader("x-frame-options", "SAMEORIGIN");
  }

  /** The resource web/PATH, or null when there is none. */
  private static Asset load(String path, String contentType) {
    try (InputStream in = AnalystPages.class.getClassLoader().getResourceAsStream("web/" + path)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
      return new Asset(Buffer.buffer(bytes), contentType, etag);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web/" + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
