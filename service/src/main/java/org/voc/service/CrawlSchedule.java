package org.voc.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.crawlers.CrawlReport;
import org.voc.crawlers.CrawlSource;
import org.voc.crawlers.CrawlState;
import org.voc.crawlers.Crawler;
import org.voc.service.config.VocConfig;
import org.voc.service.http.DocumentReader;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.ingest.PipelineSink;

/**
 * The service's own crawls: every {@code crawler.everyMinutes} (the first right after start-up) it
 * crawls {@code crawler.sources} as {@code voc crawl} does, into its ingest pipeline, with the crawl
 * state in the data dir. Each run's counts are added to the {@code voc.crawler.*} counters of
 * {@code /metrics}; a run never overlaps the next.
 */
final class CrawlSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlSchedule.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "voc-crawl-schedule");
        thread.setDaemon(true);
        return thread;
      });
  private final VocConfig config;
  private final List<CrawlSource> sources;
  private final PipelineSink sink;
  private final MeterRegistry metrics;
  private volatile boolean closing;

  private CrawlSchedule(VocConfig config, List<CrawlSource> sources, PipelineSink sink, MeterRegistry metrics) {
    this.config = config;
    this.sources = sources;
    this.sink = sink;
    this.metrics = metrics;
  }

  /** Starts the schedule the configuration asks for, or returns null when it asks for none. */
  static CrawlSchedule start(VocConfig config, IngestPipeline pipeline, MeterRegistry metrics, Clock clock) {
    VocConfig.Crawler crawler = config.crawler();
    if (crawler.everyMinutes() == null || crawler.sources().isEmpty()) {
      return null;
    }
    List<CrawlSource> sources = new ArrayList<>();
    for (int i = 0; i < crawler.sources().size(); i++) {
      sources.add(CrawlSource.parse(crawler.sources().get(i), i)); // checked at start-up, not at the first run
    }
    PipelineSink sink = new PipelineSink(new DocumentReader(config.limits().maxDocumentBytes(), clock), pipeline);
    CrawlSchedule schedule = new CrawlSchedule(config, sources, sink, metrics);
    schedule.timer.scheduleWithFixedDelay(schedule::runQuietly, 0, crawler.everyMinutes(), TimeUnit.MINUTES);
    LOG.info("Crawling {} sources every {} minutes", sources.size(), crawler.everyMinutes());
    return schedule;
  }

  private void runQuietly() {
    if (closing) {
      return;
    }
    Crawler.Settings settings = Crawler.Settings.defaults(config.crawler().allowPrivateAddresses(),
        config.crawler().delayMillis());
    try (Crawler crawler = new Crawler(settings, CrawlState.open(config.data()), sink, progress -> { })) {
      CrawlReport report = crawler.crawl(sources);
      report.counts().forEach((name, count) -> Counter.builder("voc.crawler").tag("event", name)
          .description("pages fetched and texts found, by outcome, summed over the scheduled crawls")
          .register(metrics).increment(count));
      Counter.builder("voc.crawler.runs").tag("outcome", "completed").register(metrics).increment();
      LOG.info("Scheduled crawl done: {}", report.line());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      Counter.builder("voc.crawler.runs").tag("outcome", "failed").register(metrics).increment();
      LOG.warn("Scheduled crawl failed", e);
    }
  }

  /** Lets a crawl in progress finish its current step (waiting up to a minute) and stops the schedule. */
  @Override
  public void close() {
    closing = true;
    timer.shutdown();
    try {
      if (!timer.awaitTermination(60, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
