package org.voc.crawlers;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of one crawl run, in a fixed order (for the progress line and the final JSON). */
public final class CrawlReport {

  private final Map<String, Long> counts = new LinkedHashMap<>();

  CrawlReport() {
    for (String name : new String[] {"pages", "notModified", "unchanged", "robotsDisallowed", "refused", "failed",
        "found", "alreadySent", "created", "updated", "duplicate", "rejected"}) {
      counts.put(name, 0L);
    }
  }

  void add(String counter, long n) {
    counts.merge(counter, n, Long::sum);
  }

  void increment(String counter) {
    add(counter, 1);
  }

  public long get(String counter) {
    return counts.getOrDefault(counter, 0L);
  }

  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  /** The counters in their fixed order, as a JSON-ready map. */
  public Map<String, Long> ordered() {
    return new LinkedHashMap<>(counts);
  }

  /** One line for a terminal: what was fetched and what was new. */
  public String line() {
    return String.format(java.util.Locale.ROOT, "crawl: %d pages (%d not modified), %d texts found, %d new, %d updated, %d rejected",
        get("pages"), get("notModified") + get("unchanged"), get("found"), get("created"), get("updated"), get("rejected"));
  }
}
