package org.voc.service;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.index.DocumentIndex;
import org.voc.index.LuceneDocumentIndex;
import org.voc.index.QueryLimits;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Document;
import org.voc.nlp.Taxonomy;
import org.voc.service.config.TaxonomyStore;
import org.voc.service.config.VocConfig;
import org.voc.service.classifiers.ClassifierHost;
import org.voc.service.classifiers.ClassifierRegistry;
import org.voc.service.http.HttpApi;
import org.voc.service.http.MalformedRequests;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.ingest.PiiRedactor;
import org.voc.service.ingest.Journal;
import org.voc.service.report.ReportSchedule;
import org.voc.service.report.WeeklyReporter;

/**
 * A running voc service: the index and journal under the data dir, the ingest pipeline, and the
 * HTTP server. {@link #close()} stops them in the reverse order, gracefully (see {@link #stop()}).
 */
public final class VocServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VocServer.class);
  private static final long JOURNAL_SEGMENT_BYTES = 64L << 20;

  private final Vertx vertx;
  private final HttpServer server;
  private final IngestPipeline pipeline;
  private final DocumentIndex index;
  private final Journal journal;
  private final CrawlSchedule crawls;
  private final ReportSchedule reports;
  private final VocConfig.Shutdown shutdown;
  private final AtomicBoolean closed = new AtomicBoolean();

  private VocServer(Vertx vertx, HttpServer server, IngestPipeline pipeline, DocumentIndex index, Journal journal,
      CrawlSchedule crawls, ReportSchedule reports, VocConfig.Shutdown shutdown) {
    this.shutdown = shutdown;
    this.crawls = crawls;
    this.reports = reports;
    this.vertx = vertx;
    this.server = server;
    this.pipeline = pipeline;
    this.index = index;
    this.journal = journal;
  }

  /**
   * Opens the stores, resumes unfinished work, and listens; returns once the port is bound. The
   * taxonomy API saves its changes, but without {@code taxonomySink} they reach the analyzer only
   * at the next start (see the other {@code start}).
   */
  public static VocServer start(VocConfig config, Function<Document, AnalyzedDocument> analyzer,
      Function<String, float[]> queryEncoder, Clock clock) throws IOException {
    return start(config, analyzer, queryEncoder, clock, taxonomy -> {});
  }

  /**
   * As above; {@code taxonomySink} (the analyzer's {@code setTaxonomy}) receives the taxonomy at
   * start-up (configuration and saved changes) and every change made through the taxonomy API.
   */
  public static VocServer start(VocConfig config, Function<Document, AnalyzedDocument> analyzer,
      Function<String, float[]> queryEncoder, Clock clock, Consumer<Taxonomy> taxonomySink)
      throws IOException {
    return start(config, analyzer, queryEncoder, clock, taxonomySink, ClassifierHost.NONE);
  }

  /**
   * As above; {@code classifiers} gives the classifier API the analyzer's document vectors to train
   * on and its {@code setClassifiers}, which receives the configured and saved classifiers at
   * start-up and each one trained through the API.
   */
  public static VocServer start(VocConfig config, Function<Document, AnalyzedDocument> analyzer,
      Function<String, float[]> queryEncoder, Clock clock, Consumer<Taxonomy> taxonomySink,
      ClassifierHost classifiers) throws IOException {
    Files.createDirectories(config.data());
    TaxonomyStore taxonomy = TaxonomyStore.open(config, taxonomySink);
    ClassifierRegistry classifierRegistry = ClassifierRegistry.open(config, classifiers, clock);
    DocumentIndex index = LuceneDocumentIndex.open(config.data().resolve("index"),
        LuceneDocumentIndex.DEFAULT_REFRESH_INTERVAL,
        new QueryLimits(QueryLimits.DEFAULT.maxLength(), config.limits().maxQueryTerms(), QueryLimits.DEFAULT.maxDepth(),
            Duration.ofMillis(config.limits().searchMillis())));
    Journal journal = Journal.open(config.data().resolve("journal"), JOURNAL_SEGMENT_BYTES);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StorageMetrics.register(metrics, index, config.data().resolve("index"), config.data().resolve("journal"));
    IngestPipeline pipeline = new IngestPipeline(journal, index, analyzer, config.analysis().workers(),
        config.limits().queueCapacity(), Duration.ofSeconds(1), metrics,
        PiiRedactor.when(config.privacy().redact()));
    pipeline.start();
    CrawlSchedule crawls;
    try {
      crawls = CrawlSchedule.start(config, pipeline, metrics, clock);
    } catch (RuntimeException e) {
      pipeline.close();
      index.close();
      journal.close();
      throw new IOException("crawler.sources: " + e.getMessage(), e);
    }
    Vertx vertx = Vertx.builder()
        // HTTP_ROUTE labels requests by the router's route ("/v1/documents/:source/:id"), never by the
        // raw path: one series per route, not one per document id.
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .addLabels(Label.HTTP_ROUTE)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
        .withMetrics(new MicrometerMetricsFactory(metrics))
        .build();
    try {
      HttpApi.Services services = new HttpApi.Services(config, pipeline, index, analyzer, queryEncoder, metrics, clock,
          taxonomy, classifierRegistry);
      HttpServer server = vertx.createHttpServer(new HttpServerOptions()
              .setMaxInitialLineLength(64 * 1024)
              .setMaxHeaderSize(64 * 1024)
              .setCompressionSupported(true))
          .requestHandler(HttpApi.router(vertx, services))
          .invalidRequestHandler(MalformedRequests::answer)
          .listen(config.port(), config.host())
          .await(60, TimeUnit.SECONDS);
      LOG.info("voc listening on http://{}:{} with data in {}", config.host(), server.actualPort(), config.data());
      if (config.apiKeys().isEmpty()) {
        LOG.info("No API keys configured: every client that can reach {} is trusted", config.host());
      }
      ReportSchedule reports = ReportSchedule.start(config,
          new WeeklyReporter(index, () -> WeeklyReporter.ownBrands(taxonomy.current()), clock), metrics);
      return new VocServer(vertx, server, pipeline, index, journal, crawls, reports, config.shutdown());
    } catch (Exception e) {
      if (crawls != null) {
        crawls.close();
      }
      vertx.close();
      pipeline.close();
      index.close();
      journal.close();
      throw new IOException("could not listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /** The port the server listens on (useful when started with port 0). */
  public int port() {
    return server.actualPort();
  }

  /** Stops gracefully; see {@link #stop()}. A second call does nothing. */
  @Override
  public void close() throws IOException {
    stop();
  }

  /**
   * Stops gracefully: the listener closes at once (new connections are refused) and in-flight
   * requests get {@code shutdown.requestSeconds} to finish, a client waiting for its analysis
   * included; then the analysis workers get {@code shutdown.drainSeconds} to work through the
   * queue. The index is committed and everything closed; what is still queued stays in the journal
   * and is analyzed after the next start. Returns what the drain did (zeros when already stopped).
   */
  public IngestPipeline.Drained stop() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return new IngestPipeline.Drained(0, 0);
    }
    long start = System.nanoTime();
    LOG.info("Stopping: no new connections; in-flight requests get {} s, queued analyses {} s more "
        + "({} documents queued)", shutdown.requestSeconds(), shutdown.drainSeconds(), pipeline.queued());
    try {
      server.shutdown(shutdown.requestSeconds(), TimeUnit.SECONDS).await(shutdown.requestSeconds() + 5L, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("HTTP server did not shut down cleanly", e);
    }
    if (crawls != null) {
      crawls.close();
    }
    if (reports != null) {
      reports.close();
    }
    IngestPipeline.Drained drained = pipeline.drain(Duration.ofSeconds(shutdown.drainSeconds()));
    pipeline.close();
    index.close();
    journal.close();
    vertx.close();
    LOG.info("Stopped in {} ms: drained {} documents, {} left in the journal for the next start",
        (System.nanoTime() - start) / 1_000_000, drained.indexed(), drained.leftInJournal());
    return drained;
  }
}
