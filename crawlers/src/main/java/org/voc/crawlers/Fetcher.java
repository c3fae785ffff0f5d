package org.voc.crawlers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches one URL politely and safely: every hop checked by the {@link AddressPolicy} (redirects are
 * followed here, at most {@link #MAX_REDIRECTS}), paced per host, conditional when a validator is
 * known (ETag, Last-Modified), bodies capped at {@code maxBytes}, and network errors, 429 and 5xx
 * retried with exponential backoff. Nothing fetched is ever executed.
 */
public final class Fetcher implements AutoCloseable {

  public static final int MAX_REDIRECTS = 5;
  private static final int ATTEMPTS = 3;

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final AddressPolicy policy;
  private final HostPacer pacer;
  private final String userAgent;
  private final int maxBytes;
  private final long backoffMillis;

  Fetcher(AddressPolicy policy, HostPacer pacer, String userAgent, int maxBytes, long backoffMillis) {
    this.policy = policy;
    this.pacer = pacer;
    this.userAgent = userAgent;
    this.maxBytes = maxBytes;
    this.backoffMillis = backoffMillis;
  }

  /** What a fetch gave: a body, "not modified", or a failure with its reason (and status, if any). */
  public sealed interface Outcome {}

  public record Page(URI uri, int status, String contentType, byte[] body, String etag, String lastModified)
      implements Outcome {}

  public record NotModified(URI uri) implements Outcome {}

  public record Failed(URI uri, int status, String reason, boolean refused) implements Outcome {}

  /** Why {@code uri} may not be fetched at all (scheme, private address), or null. */
  public String refusal(URI uri) {
    return policy.refusal(uri);
  }

  /** Fetches {@code uri}, sending {@code etag} / {@code lastModified} (either may be null) as validators. */
  public Outcome fetch(URI uri, String etag, String lastModified) throws InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      String refusal = policy.refusal(current);
      if (refusal != null) {
        return new Failed(current, 0, refusal, true);
      }
      Step step = fetchWithRetries(current, hop == 0 ? etag : null, hop == 0 ? lastModified : null);
      if (step.redirect() == null) {
        return step.outcome();
      }
      current = step.redirect();
    }
    return new Failed(uri, 0, "more than " + MAX_REDIRECTS + " redirects", false);
  }

  /** One request's result: an outcome, or where it redirects to. */
  private record Step(Outcome outcome, URI redirect) {
    static Step of(Outcome outcome) {
      return new Step(outcome, null);
    }
  }

  private Step fetchWithRetries(URI uri, String etag, String lastModified) throws InterruptedException {
    Step last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        Thread.sleep(Duration.ofMillis(backoffMillis << (attempt - 1)));
      }
      pacer.await(uri.getHost());
      last = once(uri, etag, lastModified);
      boolean retry = last.outcome() instanceof Failed failed && !failed.refused()
          && (failed.status() == 0 || failed.status() == 429 || failed.status() >= 500);
      if (!retry) {
        return last;
      }
    }
    return last;
  }

  private Step once(URI uri, String etag, String lastModified) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
        .header("User-Agent", userAgent)
        .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    try {
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status == 304) {
          return Step.of(new NotModified(uri));
        }
        if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
          return new Step(null, uri.resolve(response.headers().firstValue("location").get().strip()));
        }
        if (status != 200) {
          return Step.of(new Failed(uri, status, "HTTP " + status, false));
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          return Step.of(new Failed(uri, status, "larger than " + maxBytes + " bytes", true));
        }
        return Step.of(new Page(uri, status,
            response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT),
            bytes, response.headers().firstValue("etag").orElse(null),
            response.headers().firstValue("last-modified").orElse(null)));
      }
    } catch (IOException | IllegalArgumentException e) {
      return Step.of(new Failed(uri, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Step.of(new Failed(uri, 0, "interrupted", true));
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
