package org.voc.service.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.voc.service.config.Scope;
import org.voc.service.config.VocConfig;

/**
 * Checks {@code Authorization: Bearer KEY} against the configured keys and their scopes. With no
 * keys configured every request passes (the server then listens on loopback only by default).
 */
final class ApiKeys {

  private final List<VocConfig.ApiKey> keys;

  ApiKeys(List<VocConfig.ApiKey> keys) {
    this.keys = List.copyOf(keys);
  }

  boolean enabled() {
    return !keys.isEmpty();
  }

  /** A route handler that lets the request through only with a key holding {@code scope}. */
  Handler<RoutingContext> require(Scope scope) {
    return ctx -> {
      if (!enabled()) {
        ctx.next();
        return;
      }
      String header = ctx.request().getHeader("authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Responses.error(ctx, new ApiError(401, "unauthorized", "send Authorization: Bearer <api key>", null));
        return;
      }
      VocConfig.ApiKey key = find(header.substring(7).trim());
      if (key == null) {
        Responses.error(ctx, new ApiError(401, "unauthorized", "unknown API key", null));
      } else if (!key.scopes().contains(scope.wireName())) {
        Responses.error(ctx, new ApiError(403, "forbidden", "this API key lacks the '" + scope.wireName()
            + "' scope", null));
      } else {
        ctx.next();
      }
    };
  }

  /** The configured key this request presents, if any (not checked for scope). */
  Optional<VocConfig.ApiKey> identify(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (!enabled() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.ofNullable(find(header.substring(7).trim()));
  }

  /** Compares against every key in constant time, so timing tells nothing about a key's prefix. */
  private VocConfig.ApiKey find(String presented) {
    byte[] given = presented.getBytes(StandardCharsets.UTF_8);
    VocConfig.ApiKey match = null;
    for (VocConfig.ApiKey key : keys) {
      if (MessageDigest.isEqual(given, key.key().getBytes(StandardCharsets.UTF_8))) {
        match = key;
      }
    }
    return match;
  }
}
