package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.voc.nlp.Analysis;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.AspectMention;
import org.voc.nlp.Document;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TextSpan;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * The analyst pages in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}
 * packages), driven over WebDriver against a real server with the fake analyzer. Skipped when
 * either is missing; {@code .ci/run} installs both. Screenshots go to {@code target/screenshots/}.
 */
class AnalystPagesBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String EVIL_TITLE = "<img src=x onerror=\"window.__pwned='title'\">Checkout";
  // The fake analyzer keeps the text as sent (the real one drops scripts): the pages must not rely on that.
  private static final String EVIL_TEXT = "The checkout crashed. <script>window.__pwned='text'</script> "
      + "<img src=x onerror=\"window.__pwned='img'\"> I want a refund.";

  @TempDir static Path dir;
  static VocServer server;
  static VocServer keyedServer;
  static ApiClient api;
  static ChromeDriverService driverService;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: needs /usr/bin/chromium and /usr/bin/chromedriver "
            + "(apt-get install chromium chromium-driver; .ci/run does)");
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"), null,
        List.of(new VocConfig.Brand("acme", List.of("Acme"), null, true), new VocConfig.Brand("globex", null, null, false)),
        List.of(new VocConfig.Theme("shipping", "delivery", List.of("delivery")),
            new VocConfig.Theme("support", null, null),
            new VocConfig.Theme("checkout", null, null)),
        null, null, null, null, null, null);
    FakeAnalyzer analyzer = new FakeAnalyzer();
    server = VocServer.start(config, withAspects(analyzer), FakeAnalyzer::embed,
        Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), analyzer::setTaxonomy);
    api = new ApiClient(server.port());
    base = "http://127.0.0.1:" + server.port();
    keyedServer = VocServer.start(new VocConfig("127.0.0.1", 0, dir.resolve("keyed"),
            List.of(new VocConfig.ApiKey("reader-key", List.of("read"))), null, null, null, null, null, null, null, null),
        new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC());
    ingestFixture();
    startBrowser();
    Files.createDirectories(SCREENSHOTS);
  }

  private static void ingestFixture() {
    List<String> docs = new ArrayList<>(List.of(
        doc("shop", "1", "review", "acme", "2026-11-16T09:00:00Z", "Late delivery",
            "The delivery was bad. Acme support was great though."),
        doc("shop", "2", "review", "acme", "2026-11-17T09:00:00Z", null, "Shipping was great and the delivery fast."),
        doc("shop", "3", "review", "globex", "2026-11-18T09:00:00Z", null, "Globex delivery is bad. The checkout crashes."),
        doc("zendesk", "T-1", "ticket", "acme", "2026-11-19T09:00:00Z", "Checkout crash",
            "The checkout crashes every time. Acme, I want a refund."),
        doc("zendesk", "T-2", "ticket", "globex", "2026-11-20T09:00:00Z", null, "Love the new checkout at Globex."),
        doc("zendesk", "EVIL", "ticket", "acme", "2026-11-21T09:00:00Z", EVIL_TITLE, EVIL_TEXT),
        doc("shop", "4", "review", "initech", "2026-11-22T09:00:00Z", null, "The battery life is great.")));
    for (int i = 0; i < 30; i++) {
      // Enough globex reviews for a second page of checkout hits and a significant brand difference.
      docs.add(doc("appstore", "G-" + i, "review", "globex", "2026-11-1" + (i % 7 + 1) + "T10:00:00Z", null,
          "Globex checkout is bad."));
    }
    ApiClient.Response response = api.postJson("/v1/documents?wait=true",
        "{\"documents\":[" + String.join(",", docs) + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("counts").path("created").asInt()).isEqualTo(37);
  }

  /** The fake analysis, plus the aspect "battery life" with its opinion word "great" where a text says both. */
  private static Function<Document, AnalyzedDocument> withAspects(FakeAnalyzer fake) {
    return document -> {
      AnalyzedDocument analyzed = fake.apply(document);
      Analysis analysis = analyzed.analysis();
      int aspect = analysis.text().indexOf("battery life");
      int opinion = analysis.text().indexOf("great");
      if (aspect < 0 || opinion < 0) {
        return analyzed;
      }
      AspectMention mention = new AspectMention("battery life", aspect, aspect + 12, SentimentLabel.POSITIVE, 0.8,
          List.of(new TextSpan(opinion, opinion + 5, "great")));
      return new AnalyzedDocument(analysis.withInsights(analysis.themes(), List.of(mention), analysis.brands()),
          analyzed.embedding());
    };
  }

  private static String doc(String source, String id, String kind, String brand, String at, String title, String text) {
    return "{\"source\":" + json(source) + ",\"id\":" + json(id) + ",\"kind\":" + json(kind) + ",\"brand\":" + json(brand)
        + ",\"createdAt\":" + json(at) + (title == null ? "" : ",\"title\":" + json(title)) + ",\"text\":" + json(text) + "}";
  }

  private static String json(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void startBrowser() {
    // The driver binary is named, so Selenium Manager never looks for (or downloads) one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(driverService, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (driverService != null) {
      driverService.stop();
    }
    if (server != null) {
      server.close();
    }
    if (keyedServer != null) {
      keyedServer.close();
    }
  }

  @AfterEach
  void noScriptRanAndNothingWasRefused() {
    assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
    List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
    assertThat(refused).as("console errors").isEmpty();
  }

  @Test
  void searchHighlightsMatchesAndAFacetNarrowsTheHits() throws IOException {
    open("/#/search?q=checkout&mode=keyword");
    waitUntil(() -> heading().equals("1–20 of 34 documents"));
    assertThat(browser.findElements(By.cssSelector(".hit .snippet mark")))
        .isNotEmpty().allSatisfy(mark -> assertThat(mark.getText()).isEqualToIgnoringCase("checkout"));
    assertThat(browser.findElement(By.cssSelector("#search-q")).getAttribute("value")).isEqualTo("checkout");
    screenshot("search");

    browser.findElement(By.cssSelector("[data-facet='kind'] a[href*='kind=ticket']")).click();
    waitUntil(() -> heading().equals("1–3 of 3 documents"));
    assertThat(browser.getCurrentUrl()).contains("kind=ticket");
    assertThat(browser.findElements(By.cssSelector(".chips a.chip"))).extracting(WebElement::getText)
        .containsExactly("kind: ticket ×");

    browser.findElement(By.cssSelector("[data-facet='sentiment'] a[href*='sentiment=positive']")).click();
    waitUntil(() -> heading().equals("1–1 of 1 documents"));
    assertThat(browser.findElement(By.cssSelector(".hit-link")).getText()).isEqualTo("zendesk · T-2");
  }

  @Test
  void typingSearchesByItselfAndPagesFollowTheCursor() {
    open("/#/search?mode=keyword");
    waitFor(By.cssSelector(".hit"));
    WebElement box = browser.findElement(By.id("search-q"));
    box.sendKeys("refund");
    waitUntil(() -> heading().equals("1–2 of 2 documents"));
    assertThat(browser.getCurrentUrl()).contains("q=refund");

    open("/#/search?q=globex&mode=keyword&sort=newest");
    waitUntil(() -> heading().equals("1–20 of 32 documents"));
    browser.findElement(By.cssSelector(".pager a[rel='next']")).click();
    waitUntil(() -> heading().equals("21–32 of 32 documents"));
    assertThat(browser.findElements(By.cssSelector(".pager a[rel='next']"))).isEmpty();
  }

  @Test
  void markupInCustomerTextIsShownAsTextAndNeverRuns() throws IOException {
    open("/#/search?q=refund&mode=keyword");
    waitUntil(() -> heading().equals("1–2 of 2 documents"));
    WebElement evil = browser.findElements(By.cssSelector(".hit-link")).stream()
        .filter(a -> a.getText().contains("onerror")).findFirst().orElseThrow();
    assertThat(evil.getText()).isEqualTo(EVIL_TITLE);
    assertThat(browser.findElements(By.cssSelector(".hits img, .hits script"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector(".hits")).getText()).contains("<script>window.__pwned='text'</script>");

    evil.click();
    waitFor(By.id("sentiment-heading"));
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(EVIL_TITLE);
    Object shown = script("const text = document.getElementById('doc-text').cloneNode(true);"
        + "text.querySelectorAll('.visually-hidden').forEach(e => e.remove()); return text.textContent");
    assertThat(shown).isEqualTo(EVIL_TEXT);
    assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
  }

  @Test
  void documentPageShowsTheAnalysisAndHighlightsThemeEvidence() throws IOException {
    open("/#/doc/shop/1");
    waitFor(By.id("sentiment-heading"));
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Late delivery");
    // Sentences by sentiment first: one negative, one positive.
    assertThat(browser.findElements(By.cssSelector("#doc-text mark.sent-negative"))).extracting(WebElement::getText)
        .singleElement().asString().startsWith("The delivery was bad.");
    assertThat(browser.findElement(By.cssSelector(".doc-side")).getText()).contains("fake 1", "negative");
    assertThat(browser.findElements(By.cssSelector(".theme-list .theme-name"))).extracting(WebElement::getText)
        .contains("shipping", "support");
    assertThat(browser.findElements(By.cssSelector("#brands-heading + table tbody tr"))).hasSize(1);

    WebElement shipping = browser.findElements(By.cssSelector(".theme-list > li")).stream()
        .filter(li -> li.getText().startsWith("shipping")).findFirst().orElseThrow();
    shipping.findElement(By.tagName("button")).click();
    assertThat(browser.findElements(By.cssSelector("#doc-text mark"))).extracting(WebElement::getText)
        .singleElement().asString().startsWith("The delivery was bad.");
    assertThat(browser.findElement(By.id("doc-legend")).getText()).startsWith("Theme: shipping");
    fullPageScreenshot("document");
  }

  @Test
  void aspectsAreHighlightedWithTheirOpinionWords() {
    open("/#/doc/shop/4");
    waitFor(By.id("aspects-heading"));
    browser.findElement(By.cssSelector("input[name='layer'][value='aspects']")).click();
    assertThat(browser.findElements(By.cssSelector("#doc-text mark.aspect"))).extracting(WebElement::getText)
        .singleElement().asString().startsWith("battery life");
    assertThat(browser.findElements(By.cssSelector("#doc-text mark.opinion"))).extracting(WebElement::getText)
        .singleElement().asString().startsWith("great");
    assertThat(browser.findElement(By.cssSelector("#aspects-heading + table tbody tr")).getText())
        .isEqualTo("battery life positive great");
  }

  @Test
  void themesShowTheirFiguresAndDrillDownToTheDocuments() throws IOException {
    open("/#/themes");
    waitFor(By.cssSelector(".themes-table"));
    WebElement shipping = row(".themes-table", "shipping");
    assertThat(shipping.findElement(By.cssSelector("td.num")).getText()).isEqualTo("3");
    assertThat(shipping.findElements(By.cssSelector("svg.trend rect"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".examples .snippet"))).isNotEmpty();
    fullPageScreenshot("themes");

    shipping.findElement(By.cssSelector("a.theme-link")).click();
    waitUntil(() -> heading().equals("1–3 of 3 documents"));
    assertThat(browser.getCurrentUrl()).contains("#/search?theme=shipping");
    assertThat(browser.findElement(By.cssSelector("[data-facet='theme'] a.active")).getText()).startsWith("shipping");
  }

  @Test
  void discoveryProposesThemesForTheUnthemedDocuments() {
    open("/#/themes?discover=true");
    waitFor(By.id("discover-heading"));
    assertThat(browser.findElement(By.id("themes-discover")).isSelected()).isTrue();
    assertThat(browser.findElement(By.cssSelector(".discovered")).getText()).contains("matching documents have no theme");
  }

  @Test
  void compareShowsShareOfVoiceIntervalsAndSignificantDifferences() throws IOException {
    open("/#/compare?brands=acme,globex");
    waitFor(By.cssSelector(".compare-table"));
    assertThat(row(".compare-table", "acme").getText()).contains("own");
    assertThat(row(".compare-table", "globex").findElement(By.cssSelector("td.num")).getText()).isEqualTo("32");
    assertThat(browser.findElement(By.cssSelector(".sig-table")).getText()).contains("acme vs globex");
    assertThat(browser.findElements(By.cssSelector(".compare-table svg.net-bar circle"))).hasSize(2);
    fullPageScreenshot("compare");
  }

  @Test
  void reportsPageFramesTheWeeklyReportWhoseLinksOpenTheDocuments() throws IOException {
    open("/#/reports?week=2026-W47");
    WebElement frame = waitFor(By.cssSelector("iframe.report"));
    assertThat(frame.getAttribute("src")).endsWith("/v1/reports/weekly?week=2026-W47&format=html");
    assertThat(browser.findElements(By.cssSelector(".downloads a"))).extracting(a -> a.getAttribute("data-format"))
        .containsExactly("html", "json", "csv", "md");
    screenshot("reports-page");
    // A quote's link leaves the frame for the document page.
    browser.switchTo().frame(frame);
    waitFor(By.cssSelector("a[href^='/#/documents/']")).click();
    browser.switchTo().defaultContent();
    waitFor(By.id("sentiment-heading"));
    assertThat(browser.getCurrentUrl()).contains("/#/documents/");

    open("/v1/reports/weekly?week=2026-W47&format=html");
    waitUntil(() -> !browser.findElement(By.tagName("body")).getText().isBlank());
    fullPageScreenshot("report");
    open("/");
  }

  @Test
  void keyboardUsersSkipToTheContentAndReachEveryPage() {
    open("/#/themes");
    waitFor(By.cssSelector(".themes-table"));
    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement skip = browser.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Skip to content");
    skip.sendKeys(Keys.ENTER);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Themes");
    assertThat(browser.findElements(By.cssSelector("nav a[href^='#/']"))).extracting(WebElement::getText)
        .containsExactly("Search", "Themes", "Compare brands", "Reports");
    assertThat(browser.findElement(By.cssSelector("nav a[aria-current='page']")).getText()).isEqualTo("Themes");
    assertThat(script("return [...document.querySelectorAll('input, select')].filter(e => e.type !== 'hidden' "
        + "&& !(e.labels && e.labels.length)).map(e => e.id).join(',')")).isEqualTo("");
  }

  @Test
  void onANarrowScreenNoPageScrollsSideways() throws IOException {
    browser.manage().window().setSize(new Dimension(400, 860));
    try {
      for (String page : List.of("/#/search?q=checkout&mode=keyword", "/#/doc/shop/1", "/#/themes", "/#/compare",
          "/#/reports?week=2026-W47")) {
        open(page);
        waitFor(By.cssSelector("h1"));
        waitUntil(() -> browser.findElements(By.cssSelector("[aria-busy='true']")).isEmpty()
            && browser.findElements(By.cssSelector("main .notice:not(.notice-error)")).isEmpty());
        assertThat(script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .as(page + ", too wide: " + script("return [...document.querySelectorAll('body *')].filter(e => "
                + "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5)"
                + ".map(e => e.tagName + '.' + (e.className.baseVal ?? e.className)).join(' ')")).isEqualTo(0L);
      }
      open("/#/search?q=checkout&mode=keyword");
      waitUntil(() -> heading().equals("1–20 of 34 documents"));
      screenshot("search-narrow");
    } finally {
      browser.manage().window().setSize(new Dimension(1366, 900));
    }
  }

  @Test
  void withApiKeysTheKeyEnteredOnceIsSentWithEveryCall() {
    browser.get("about:blank");
    browser.get("http://127.0.0.1:" + keyedServer.port() + "/#/search");
    WebElement error = waitFor(By.cssSelector(".results .notice-error"));
    assertThat(error.getText()).contains("API key");
    WebElement key = waitFor(By.id("api-key"));
    key.sendKeys("reader-key", Keys.ENTER);
    waitUntil(() -> heading().equals("No documents match"));
    assertThat(browser.findElement(By.cssSelector("#api-key-panel summary")).getText()).isEqualTo("API key ✓");
    assertThat(script("return sessionStorage.getItem('voc.apiKey')")).isEqualTo("reader-key");
    script("sessionStorage.clear()");
  }

  /** Loads path afresh (not only a hash change), so no state is left from another test. */
  private static void open(String path) {
    browser.get("about:blank");
    browser.get(base + path);
  }

  private static WebElement waitFor(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> condition.getAsBoolean());
  }

  private static String heading() {
    return browser.findElement(By.id("results-heading")).getText();
  }

  private static WebElement row(String table, String name) {
    return browser.findElements(By.cssSelector(table + " tbody tr")).stream()
        .filter(tr -> tr.findElement(By.tagName("th")).getText().startsWith(name)).findFirst().orElseThrow();
  }

  private static Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  /** The whole page, not only the window: reports are long. */
  private static void fullPageScreenshot(String name) throws IOException {
    Map<?, ?> size = (Map<?, ?>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
