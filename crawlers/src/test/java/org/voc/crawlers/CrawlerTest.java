package org.voc.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler against a site on loopback: formats, pagination, robots.txt, state across runs, safety. */
class CrawlerTest {

  private static final String ROBOTS = "User-agent: *\nDisallow: /private/\n";

  private static final String WIDGET_PAGE_1 = """
      <!doctype html><html><head><title>Widget reviews</title>
      <link rel="next" href="/reviews/widget?page=2">
      <script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "Product", "name": "Widget",
       "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.2", "reviewCount": "3"},
       "review": [
         {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "2026-11-01",
          "name": "Love it", "reviewBody": "Great widget, the battery lasts all week.",
          "reviewRating": {"@type": "Rating", "ratingValue": "5", "bestRating": "5"}},
         {"@type": "Review", "author": "Carl", "datePublished": "2026-11-02",
          "reviewBody": "Broke after a day.", "reviewRating": {"@type": "Rating", "ratingValue": 1}}]}
      </script>
      <script>document.write('never run')</script>
      </head><body><h1>Widget</h1></body></html>
      """;

  private static final String WIDGET_PAGE_2 = """
      <html><body><div itemscope itemtype="https://schema.org/Product">
        <span itemprop="name">Widget</span>
        <div itemprop="review" itemscope itemtype="https://schema.org/Review">
          <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Bob</span></span>
          <meta itemprop="datePublished" content="2026-11-03">
          <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
            <meta itemprop="ratingValue" content="2"><meta itemprop="bestRating" content="5"></div>
          <p itemprop="reviewBody">Shipping was slow, three weeks.</p>
        </div>
      </div><a rel="next" href="/reviews/widget?page=3">more</a></body></html>
      """;

  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Acme forum</title><link>http://forum.example/</link>
        <description>posts</description>
        <item><title>App keeps crashing</title><link>%1$s/forum/1</link><guid>%1$s/forum/1</guid>
          <description>&lt;p&gt;The app crashes when I open settings.&lt;/p&gt;</description>
          <author>dave@example.com (Dave)</author><pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate></item>
        <item><title>Support was great</title><link>%1$s/forum/2</link>
          <description>Support answered in ten minutes.</description><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

  private static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Acme blog comments</title><id>urn:acme:comments</id>
        <updated>2026-11-20T10:00:00Z</updated>
        <entry><title>Pricing</title><id>urn:acme:comment:7</id><link href="%s/blog/7"/>
          <updated>2026-11-20T10:00:00Z</updated><author><name>Eve</name></author>
          <content type="html">The new price is too high for what it does.</content></entry>
      </feed>
      """;

  private static final String CSS_PAGE = """
      <html><body>
        <div class="review"><p class="body">Setup took five minutes.</p><span class="stars">Rated 4 out of 5</span>
          <span class="who">Fay</span><time datetime="2026-11-05T08:00:00Z">Nov 5</time></div>
        <div class="review"><p class="body">Manual is confusing.</p><span class="stars">2</span></div>
      </body></html>
      """;

  @TempDir Path data;
  private TestSite site;

  @BeforeEach
  void serve() throws Exception {
    site = new TestSite();
    String base = site.base();
    site.page("/robots.txt", "text/plain", ROBOTS)
        .page("/sitemap.xml", "application/xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>%1$s/reviews/widget</loc><lastmod>2026-11-20</lastmod></url>
              <url><loc>%1$s/private/secret.html</loc></url>
              <url><loc>http://elsewhere.example/reviews</loc></url>
            </urlset>
            """.formatted(base))
        .page("/reviews/widget", "text/html; charset=utf-8", WIDGET_PAGE_1)
        .page("/reviews/widget?page=2", "text/html", WIDGET_PAGE_2)
        .page("/reviews/widget?page=3", "text/html", "<html><body>too deep</body></html>")
        .page("/private/secret.html", "text/html", "<p itemprop=reviewBody>secret</p>")
        .page("/feed.xml", "application/rss+xml", RSS.formatted(base))
        .page("/atom.xml", "application/atom+xml", ATOM.formatted(base)).noValidators("/atom.xml")
        .page("/css.html", "text/html", CSS_PAGE)
        .redirect("/moved-feed", "/feed.xml");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private List<CrawlSource> sources() {
    String base = site.base();
    List<Map<String, Object>> maps = List.of(
        Map.of("url", base + "/sitemap.xml", "depth", 2, "brand", "acme"),
        Map.of("url", base + "/moved-feed", "kind", "post", "source", "forum"),
        Map.of("url", base + "/atom.xml", "type", "feed"),
        Map.of("url", base + "/css.html", "selectors", Map.of("review", "div.review", "text", "p.body",
            "rating", ".stars", "author", ".who", "date", "time")));
    List<CrawlSource> sources = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      sources.add(CrawlSource.parse(new LinkedHashMap<>(maps.get(i)), i));
    }
    return sources;
  }

  private CrawlReport crawl(RecordingSink sink, boolean allowPrivate, List<CrawlSource> sources) throws Exception {
    Crawler.Settings settings = new Crawler.Settings(allowPrivate, 5, 1 << 20, 5);
    try (Crawler crawler = new Crawler(settings, CrawlState.open(data), sink, report -> {})) {
      return crawler.crawl(sources);
    }
  }

  @Test
  void firstRunFindsEveryFormatAndASecondRunSendsNothing() throws Exception {
    RecordingSink first = new RecordingSink();
    CrawlReport report = crawl(first, true, sources());

    assertThat(first.documents).hasSize(8);
    assertThat(report.get("created")).isEqualTo(8);
    ObjectNode ann = first.byText("Great widget, the battery lasts all week.");
    assertThat(ann.path("source").asText()).isEqualTo("web");
    assertThat(ann.path("kind").asText()).isEqualTo("review");
    assertThat(ann.path("brand").asText()).isEqualTo("acme");
    assertThat(ann.path("product").asText()).isEqualTo("Widget");
    assertThat(ann.path("author").asText()).isEqualTo("Ann");
    assertThat(ann.path("title").asText()).isEqualTo("Love it");
    assertThat(ann.path("rating").asDouble()).isEqualTo(5.0);
    assertThat(ann.path("createdAt").asText()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(ann.path("metadata").path("aggregateRating").asText()).isEqualTo("4.2");
    assertThat(ann.path("url").asText()).isEqualTo(site.base() + "/reviews/widget");
    assertThat(first.byText("Broke after a day.").path("author").asText()).isEqualTo("Carl");

    ObjectNode bob = first.byText("Shipping was slow, three weeks.");
    assertThat(bob.path("author").asText()).isEqualTo("Bob");
    assertThat(bob.path("rating").asDouble()).isEqualTo(2.0);
    assertThat(bob.path("product").asText()).isEqualTo("Widget");

    ObjectNode crash = first.byText("<p>The app crashes when I open settings.</p>");
    assertThat(crash.path("id").asText()).isEqualTo(site.base() + "/forum/1");
    assertThat(crash.path("source").asText()).isEqualTo("forum");
    assertThat(crash.path("kind").asText()).isEqualTo("post");
    assertThat(crash.path("title").asText()).isEqualTo("App keeps crashing");
    assertThat(crash.path("createdAt").asText()).isEqualTo("2026-11-17T10:00:00Z");
    assertThat(first.byText("The new price is too high for what it does.").path("author").asText()).isEqualTo("Eve");

    ObjectNode fay = first.byText("Setup took five minutes.");
    assertThat(fay.path("rating").asDouble()).isEqualTo(4.0);
    assertThat(fay.path("author").asText()).isEqualTo("Fay");
    assertThat(fay.path("createdAt").asText()).isEqualTo("2026-11-05T08:00:00Z");
    first.byText("Manual is confusing.");

    // robots.txt, pagination depth, other hosts, and the User-Agent
    assertThat(report.get("robotsDisallowed")).isEqualTo(1);
    assertThat(site.requestsFor("/private/secret.html")).isZero();
    assertThat(site.requestsFor("/reviews/widget?page=3")).isZero();
    assertThat(site.requestsFor("/robots.txt")).isEqualTo(1);
    assertThat(site.requests).allSatisfy(r -> assertThat(r.userAgent()).startsWith("voc-crawler/"));

    RecordingSink second = new RecordingSink();
    CrawlReport again = crawl(second, true, sources());
    assertThat(second.documents).isEmpty();
    assertThat(again.get("created")).isZero();
    // The sitemap is read again in full; the pages it lists and the rest are asked whether they changed.
    assertThat(again.get("notModified")).isEqualTo(2); // widget page and CSS page: 304
    assertThat(again.get("unchanged")).isEqualTo(2); // Atom (no validators) and the redirected feed: same body
    assertThat(site.requests.stream().filter(r -> r.path().equals("/reviews/widget"))
        .map(TestSite.Request::ifNoneMatch).toList()).hasSize(2).last().isNotNull();
  }

  @Test
  void aChangedPageSendsOnlyItsNewReview() throws Exception {
    crawl(new RecordingSink(), true, sources());
    site.page("/css.html", "text/html", CSS_PAGE.replace("</body>",
        "<div class=\"review\"><p class=\"body\">Battery died in a month.</p></div></body>"));
    RecordingSink second = new RecordingSink();
    crawl(second, true, sources());
    assertThat(second.documents).extracting(d -> d.path("text").asText()).containsExactly("Battery died in a month.");
  }

  @Test
  void privateAddressesAreRefusedUnlessAllowedAndNothingIsRequested() throws Exception {
    RecordingSink sink = new RecordingSink();
    CrawlReport report = crawl(sink, false, sources());
    assertThat(report.get("refused")).isEqualTo(4);
    assertThat(sink.documents).isEmpty();
    assertThat(site.requests).isEmpty();
  }

  @Test
  void redirectsAreCappedAndMayNotLeaveHttp() throws Exception {
    site.redirect("/loop", "/loop2").redirect("/loop2", "/loop").redirect("/evil", "file:///etc/passwd");
    String base = site.base();
    CrawlReport report = crawl(new RecordingSink(), true, List.of(
        CrawlSource.parse(Map.of("url", base + "/loop"), 0), CrawlSource.parse(Map.of("url", base + "/evil"), 1)));
    assertThat(report.get("failed")).isEqualTo(1);
    assertThat(report.get("refused")).isEqualTo(1);
    assertThat(site.requestsFor("/loop") + site.requestsFor("/loop2")).isEqualTo(Fetcher.MAX_REDIRECTS + 1);
  }

  @Test
  void badSourceConfigurationNamesTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrawlSource.parse(Map.of("url", "http://x/", "depht", 2), 3))
        .hasMessageContaining("crawler.sources[3]").hasMessageContaining("depht");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrawlSource.parse(
        Map.of("url", "http://x/", "selectors", Map.of("review", ".r")), 0)).hasMessageContaining("review needs text");
  }

  @Test
  void aFeedWithADoctypeIsRefusedWithoutResolvingEntitiesAndTheCrawlGoesOn() throws Exception {
    site.page("/xxe.xml", "application/rss+xml", """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        <rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description>
          <item><title>x</title><link>http://x/1</link><description>&secret;</description></item></channel></rss>
        """);
    String base = site.base();
    RecordingSink sink = new RecordingSink();
    CrawlReport report = crawl(sink, true, List.of(CrawlSource.parse(Map.of("url", base + "/xxe.xml"), 0),
        CrawlSource.parse(Map.of("url", base + "/feed.xml"), 1)));
    assertThat(report.get("failed")).isEqualTo(1);
    assertThat(sink.documents).hasSize(2).noneMatch(d -> d.path("text").asText().isBlank());
  }
}
