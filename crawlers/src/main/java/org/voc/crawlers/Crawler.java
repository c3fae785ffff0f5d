package org.voc.crawlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls the configured sources once: feeds, sitemaps (and sitemap indexes) and review pages with
 * their pagination, on the source's own host only; robots.txt and the per-host delay respected;
 * conditional requests for what earlier runs fetched; texts already sent (same key and content, or
 * the same content under another URL) not sent again. The {@link CrawlState} is saved after each
 * source, once the sink has the documents.
 */
public final class Crawler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

  /** The User-Agent sent, and the agent name robots.txt rules are matched against. */
  public static final String AGENT_NAME = "voc-crawler";
  public static final String USER_AGENT = AGENT_NAME + "/0.1 (customer feedback research; +https://github.com/voc/voc)";

  /** How the crawler behaves; {@link #defaults} follows the configuration's two keys. */
  public record Settings(boolean allowPrivateAddresses, long delayMillis, int maxPageBytes, long backoffMillis) {
    public static Settings defaults(boolean allowPrivateAddresses, long delayMillis) {
      return new Settings(allowPrivateAddresses, delayMillis, 5 << 20, 1000);
    }
  }

  private enum Mode { AUTO, FEED, SITEMAP, PAGE }

  private record Task(URI uri, int depth, Mode mode) {}

  private final Fetcher fetcher;
  private final RobotsCache robots;
  private final CrawlState state;
  private final DocumentSink sink;
  private final Consumer<CrawlReport> progress;
  private final CrawlReport report = new CrawlReport();
  private final Set<String> visited = new HashSet<>();

  public Crawler(Settings settings, CrawlState state, DocumentSink sink, Consumer<CrawlReport> progress) {
    HostPacer pacer = new HostPacer(settings.delayMillis());
    this.fetcher = new Fetcher(new AddressPolicy(settings.allowPrivateAddresses()), pacer, USER_AGENT,
        settings.maxPageBytes(), settings.backoffMillis());
    this.robots = new RobotsCache(fetcher, pacer, AGENT_NAME);
    this.state = state;
    this.sink = sink;
    this.progress = progress;
  }

  public CrawlReport crawl(List<CrawlSource> sources) throws IOException, InterruptedException {
    for (CrawlSource source : sources) {
      crawl(source);
      state.save();
    }
    return report;
  }

  private void crawl(CrawlSource source) throws IOException, InterruptedException {
    Deque<Task> tasks = new ArrayDeque<>();
    tasks.add(new Task(source.url(), 1, Mode.valueOf(source.type().toUpperCase(Locale.ROOT))));
    int sitemapPages = 0;
    while (!tasks.isEmpty()) {
      Task task = tasks.poll();
      if (!visited.add(task.uri().toString())) {
        continue;
      }
      String refusal = fetcher.refusal(task.uri());
      if (refusal != null) {
        report.increment("refused");
        LOG.warn("Not crawled: {}", refusal);
        continue;
      }
      if (!robots.allowed(task.uri())) {
        report.increment("robotsDisallowed");
        continue;
      }
      CrawlState.Page previous = state.page(task.uri().toString());
      boolean conditional = previous != null && !previous.sitemap();
      Fetcher.Outcome outcome = fetcher.fetch(task.uri(), conditional ? previous.etag() : null,
          conditional ? previous.lastModified() : null);
      switch (outcome) {
        case Fetcher.NotModified notModified -> report.increment("notModified");
        case Fetcher.Failed failed -> {
          report.increment(failed.refused() ? "refused" : "failed");
          LOG.warn("Not crawled: {}: {}", failed.uri(), failed.reason());
        }
        case Fetcher.Page page -> {
          report.increment("pages");
          String bodyHash = FoundText.sha256(new String(page.body(), StandardCharsets.ISO_8859_1));
          Mode mode = task.mode() == Mode.AUTO ? detect(page) : task.mode();
          if (mode != Mode.SITEMAP && previous != null && bodyHash.equals(previous.bodyHash())) {
            report.increment("unchanged");
          } else {
            List<Task> found = read(source, task, page, mode);
            for (Task next : found) {
              if (next.mode() == Mode.PAGE && task.mode() == Mode.SITEMAP && ++sitemapPages > source.maxPages()) {
                break;
              }
              tasks.add(next);
            }
          }
          state.page(task.uri().toString(),
              new CrawlState.Page(page.etag(), page.lastModified(), bodyHash, mode == Mode.SITEMAP));
        }
      }
      progress.accept(report);
    }
  }

  /** Sends what the page holds and answers the pages it leads to. */
  private List<Task> read(CrawlSource source, Task task, Fetcher.Page page, Mode mode)
      throws IOException, InterruptedException {
    return switch (mode) {
      case FEED -> {
        List<FoundText> entries;
        try {
          entries = FeedReader.read(page.body(), page.uri());
        } catch (IOException e) {
          report.increment("failed");
          LOG.warn("Not a readable feed: {}: {}", page.uri(), e.getMessage());
          yield List.of();
        }
        send(source, entries, "post");
        yield List.of();
      }
      case SITEMAP -> sitemap(source, page);
      case PAGE, AUTO -> {
        ReviewPage reviews = ReviewPage.read(page.body(), page.uri(), source.selectors());
        send(source, reviews.reviews(), "review");
        boolean follow = reviews.next() != null && task.depth() < source.depth() && sameHost(source, reviews.next());
        yield follow ? List.of(new Task(reviews.next(), task.depth() + 1, Mode.PAGE)) : List.of();
      }
    };
  }

  private List<Task> sitemap(CrawlSource source, Fetcher.Page page) {
    AbstractSiteMap map;
    try {
      map = new SiteMapParser(false).parseSiteMap(page.contentType(), page.body(), page.uri().toURL());
    } catch (UnknownFormatException | IOException e) {
      report.increment("failed");
      LOG.warn("Not a sitemap: {}: {}", page.uri(), e.getMessage());
      return List.of();
    }
    List<Task> tasks = new ArrayList<>();
    if (map instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        add(tasks, source, child.getUrl().toString(), Mode.SITEMAP);
      }
    } else if (map instanceof SiteMap siteMap) {
      for (SiteMapURL url : siteMap.getSiteMapUrls()) {
        add(tasks, source, url.getUrl().toString(), Mode.PAGE);
      }
    }
    return tasks;
  }

  private void add(List<Task> tasks, CrawlSource source, String url, Mode mode) {
    try {
      URI uri = new URI(url);
      if (sameHost(source, uri)) {
        tasks.add(new Task(uri, 1, mode));
      }
    } catch (URISyntaxException e) {
      LOG.debug("Skipping malformed sitemap URL {}", url);
    }
  }

  private static boolean sameHost(CrawlSource source, URI uri) {
    return uri.getHost() != null && uri.getHost().equalsIgnoreCase(source.url().getHost());
  }

  private void send(CrawlSource source, List<FoundText> texts, String defaultKind)
      throws IOException, InterruptedException {
    report.add("found", texts.size());
    List<ObjectNode> documents = new ArrayList<>();
    List<FoundText> sent = new ArrayList<>();
    Set<String> inThisBatch = new HashSet<>();
    for (FoundText text : texts) {
      String hash = text.contentHash();
      if (state.sent(text.key(), hash) || state.sentContent(hash) || !inThisBatch.add(hash)) {
        report.increment("alreadySent");
        continue;
      }
      documents.add(text.toDocument(source, defaultKind));
      sent.add(text);
    }
    if (documents.isEmpty()) {
      return;
    }
    List<DocumentSink.Result> results = sink.send(documents);
    for (int i = 0; i < results.size(); i++) {
      DocumentSink.Result result = results.get(i);
      report.increment(result.status());
      if (result.rejected()) {
        LOG.warn("Rejected {}: {} {}", sent.get(i).key(), result.errorCode(), result.errorMessage());
      } else {
        state.markSent(sent.get(i).key(), sent.get(i).contentHash());
      }
    }
  }

  /** What the answer is, from its content type, else from its first bytes. */
  private static Mode detect(Fetcher.Page page) {
    String type = page.contentType();
    String head = new String(page.body(), 0, Math.min(page.body().length, 2048), StandardCharsets.UTF_8)
        .toLowerCase(Locale.ROOT);
    if (type.contains("rss") || type.contains("atom") || head.contains("<rss") || head.contains("<feed")
        || head.contains("<rdf:rdf")) {
      return Mode.FEED;
    }
    if (head.contains("<urlset") || head.contains("<sitemapindex")) {
      return Mode.SITEMAP;
    }
    return Mode.PAGE;
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
