package org.voc.crawlers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Keeps requests to one host at least a delay apart (the configured one, or robots.txt's longer one). */
final class HostPacer {

  private final long defaultDelayMillis;
  private final Map<String, Long> lastRequest = new HashMap<>();
  private final Map<String, Long> hostDelay = new HashMap<>();

  HostPacer(long defaultDelayMillis) {
    this.defaultDelayMillis = Math.max(0, defaultDelayMillis);
  }

  /** robots.txt asked for a longer {@code Crawl-delay} on this host (capped at a minute). */
  synchronized void slowDown(String host, long delayMillis) {
    hostDelay.merge(host.toLowerCase(Locale.ROOT), Math.min(delayMillis, 60_000), Math::max);
  }

  /** Waits until {@code host} may be asked again, and books the request. */
  void await(String host) throws InterruptedException {
    String key = host.toLowerCase(Locale.ROOT);
    long wait;
    synchronized (this) {
      long delay = Math.max(defaultDelayMillis, hostDelay.getOrDefault(key, 0L));
      long now = System.nanoTime() / 1_000_000;
      long next = lastRequest.containsKey(key) ? lastRequest.get(key) + delay : now;
      wait = Math.max(0, next - now);
      lastRequest.put(key, now + wait);
    }
    if (wait > 0) {
      Thread.sleep(Duration.ofMillis(wait));
    }
  }
}
