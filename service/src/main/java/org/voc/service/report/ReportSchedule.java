package org.voc.service.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.service.config.VocConfig;

/**
 * The service's weekly reports: every {@code reports.weekly.day} at {@code hour}:00 UTC it writes
 * the last complete week's report in every format to the archive and, with a webhook, posts the
 * summary there. It checks once a minute (by the injected clock) whether the latest such moment
 * has passed without its report being written, so a service that was down at that time writes it
 * when it comes back. A failed webhook is logged and counted ({@code
 * voc_reports_webhook_total{outcome}}); nothing is retried until the next week.
 */
public final class ReportSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReportSchedule.class);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "voc-report-schedule");
    thread.setDaemon(true);
    return thread;
  });
  private final VocConfig.Weekly weekly;
  private final WeeklyReporter reporter;
  private final ReportArchive archive;
  private final ReportWebhook webhook;
  private final String link;
  private final MeterRegistry metrics;

  public ReportSchedule(VocConfig.Weekly weekly, WeeklyReporter reporter, ReportArchive archive, String link,
      MeterRegistry metrics) {
    this.weekly = weekly;
    this.reporter = reporter;
    this.archive = archive;
    this.webhook = weekly.webhook() == null ? null : new ReportWebhook(URI.create(weekly.webhook()));
    this.link = link.endsWith("/") ? link.substring(0, link.length() - 1) : link;
    this.metrics = metrics;
  }

  /** Starts the schedule the configuration asks for, or returns null when it asks for none. */
  public static ReportSchedule start(VocConfig config, WeeklyReporter reporter, MeterRegistry metrics) {
    VocConfig.Weekly weekly = config.reports().weekly();
    if (weekly == null) {
      return null;
    }
    String link = weekly.link() != null ? weekly.link() : "http://" + config.host() + ":" + config.port();
    ReportSchedule schedule = new ReportSchedule(weekly, reporter, ReportArchive.in(config.data()), link, metrics);
    schedule.timer.scheduleWithFixedDelay(schedule::runQuietly, 0, 1, TimeUnit.MINUTES);
    LOG.info("Writing the weekly report every {} at {}:00 UTC", weekly.day(), weekly.hour());
    return schedule;
  }

  /** The latest scheduled moment at or before {@code now}. */
  Instant lastFiring(Instant now) {
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(weekly.day())).withHour(weekly.hour()).withMinute(0).withSecond(0)
        .withNano(0);
    if (at.toInstant(ZoneOffset.UTC).isAfter(now)) {
      at = at.minusWeeks(1);
    }
    return at.toInstant(ZoneOffset.UTC);
  }

  /**
   * Writes the report that is due, if any: the week before the latest scheduled moment, unless it is
   * written already. Returns the week written, or null.
   */
  public IsoWeek runDue() throws IOException {
    Instant fired = lastFiring(reporter.clock().instant());
    IsoWeek week = IsoWeek.lastComplete(Clock.fixed(fired, ZoneOffset.UTC));
    if (archive.has(week)) {
      return null;
    }
    WeeklyReport report = reporter.report(week);
    archive.write(report);
    Counter.builder("voc.reports.written").description("weekly reports written by the schedule")
        .register(metrics).increment();
    LOG.info("Weekly report {} written to {}", week, archive.file(week.toString(), ReportFormat.HTML).getParent());
    if (webhook != null) {
      notify(report);
    }
    return week;
  }

  private void notify(WeeklyReport report) {
    String outcome = "sent";
    try {
      webhook.post(report, link + "/v1/reports/" + report.week() + ".html");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "failed";
    } catch (IOException | RuntimeException e) {
      outcome = "failed";
      LOG.warn("Weekly report {}: the webhook failed: {}", report.week(), e.toString());
    }
    Counter.builder("voc.reports.webhook").tag("outcome", outcome)
        .description("weekly report summaries posted to the webhook, by outcome").register(metrics).increment();
  }

  private void runQuietly() {
    try {
      runDue();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Scheduled weekly report failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
