package org.voc.crawlers;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * robots.txt per host, fetched once a run through the same safe {@link Fetcher} and parsed by
 * crawler-commons: a missing file (4xx) allows everything, an unreachable one (5xx, network)
 * disallows the host for this run, as RFC 9309 says. A {@code Crawl-delay} longer than the
 * configured delay slows that host down.
 */
final class RobotsCache {

  private final Fetcher fetcher;
  private final HostPacer pacer;
  private final String agentName;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, BaseRobotRules> rules = new HashMap<>();

  RobotsCache(Fetcher fetcher, HostPacer pacer, String agentName) {
    this.fetcher = fetcher;
    this.pacer = pacer;
    this.agentName = agentName.toLowerCase(Locale.ROOT);
  }

  boolean allowed(URI uri) throws InterruptedException {
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    BaseRobotRules hostRules = rules.get(origin);
    if (hostRules == null) {
      hostRules = load(URI.create(origin + "/robots.txt"));
      rules.put(origin, hostRules);
      if (hostRules.getCrawlDelay() > 0) {
        pacer.slowDown(uri.getHost(), hostRules.getCrawlDelay());
      }
    }
    return hostRules.isAllowed(uri.toString());
  }

  private BaseRobotRules load(URI robots) throws InterruptedException {
    Fetcher.Outcome outcome = fetcher.fetch(robots, null, null);
    return switch (outcome) {
      case Fetcher.Page page -> parser.parseContent(robots.toString(), page.body(), "text/plain", List.of(agentName));
      case Fetcher.Failed failed -> parser.failedFetch(failed.status() == 0 ? 503 : failed.status());
      case Fetcher.NotModified notModified -> parser.failedFetch(404);
    };
  }
}
