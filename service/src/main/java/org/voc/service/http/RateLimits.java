package org.voc.service.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.voc.service.config.VocConfig;

/**
 * Per-client request rates on the API routes: one {@link TokenBucket} per API key (per client IP
 * for requests without a known key, and when no keys are configured), holding {@code
 * requestsPerSecond + burst} tokens and refilled at {@code requestsPerSecond}. Over the limit: 429
 * {@code rate_limited} with {@code Retry-After}. Runs before authentication and before the body is
 * read, so a flood costs little; a flood of unknown keys shares its IP's bucket.
 */
final class RateLimits implements Handler<RoutingContext> {

  /** Past this many clients, buckets that are full again are forgotten (a full bucket is a new one). */
  private static final int PRUNE_ABOVE = 10_000;

  private final double perSecond;
  private final double capacity;
  private final ApiKeys keys;
  private final LongSupplier nanos;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RateLimits(VocConfig.Limits limits, ApiKeys keys, LongSupplier nanos) {
    this.perSecond = limits.requestsPerSecond();
    this.capacity = (double) limits.requestsPerSecond() + limits.burst();
    this.keys = keys;
    this.nanos = nanos;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (perSecond <= 0 || !ctx.normalizedPath().startsWith("/v1/")) {
      ctx.next();
      return;
    }
    long now = nanos.getAsLong();
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(bucket -> bucket.full(now));
    }
    String client = keys.identify(ctx).map(key -> "key " + key.key())
        .orElseGet(() -> "ip " + (ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress()));
    long waitNanos = buckets.computeIfAbsent(client, c -> new TokenBucket(capacity, perSecond, now)).take(now);
    if (waitNanos == 0) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    Responses.error(ctx, new ApiError(429, "rate_limited", "more than " + (long) perSecond
        + " requests a second from this client; retry in " + seconds + " s", null));
  }
}
